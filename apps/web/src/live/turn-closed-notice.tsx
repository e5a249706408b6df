"use client";
import { TRPCClientError } from "@trpc/client";
import { useI18n } from "../i18n/use-i18n";

/** The parameters the server sends with `turn_closed`. */
export interface TurnClosed {
  turn: number;
  current: number;
  closedBy: "timer" | "facilitator" | "all_locked" | null;
  /** The team's draft was carried into the current turn. */
  kept: boolean;
  /** An earlier lock of the team was played for that turn. */
  played: boolean;
}

export function turnClosedOf(e: unknown): TurnClosed | null {
  if (!(e instanceof TRPCClientError)) return null;
  const data = e.data as { appCode?: string; params?: TurnClosed } | undefined;
  return data?.appCode === "turn_closed" && data.params ? data.params : null;
}

/** Says that the turn closed under this screen, by whom, and what became of the team's draft. */
export function TurnClosedNotice({ closed }: { closed: TurnClosed }) {
  const { t, f } = useI18n();
  return (
    <p className="notice warn" role="alert" data-testid="turn-closed">
      {f(
        closed.closedBy === "timer"
          ? "turnClosedTimer"
          : closed.closedBy === "facilitator"
            ? "turnClosedFacilitator"
            : "turnClosedAll",
        { turn: closed.turn + 1 },
      )}{" "}
      {closed.kept
        ? f(closed.played ? "turnClosedKeptAfterLock" : "turnClosedKept", {
            next: closed.current + 1,
          })
        : t("turnClosedPlayed")}
    </p>
  );
}
