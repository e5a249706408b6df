"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { saveToken } from "../data/token-store";
import { useTRPC } from "../data/trpc";
import { fill } from "../i18n/translator";
import { entryLine, forkLabel, type Timeline, type Tr, turnName } from "./format";

/**
 * The timeline: a scrubber over the played turns, the fork button for the scrubbed turn (while
 * the exercise can still be branched), and a strip of what happened when.
 */
export function TimelineScrubber({
  tr,
  tl,
  turn,
  onTurn,
  onError,
}: {
  tr: Tr;
  tl: Timeline;
  turn: number;
  onTurn: (k: number) => void;
  onError: (e: unknown) => void;
}) {
  const { t, l, locale } = tr;
  const router = useRouter();
  const trpc = useTRPC();
  const turns = tl.turns;
  const cur = turns[turn];
  const fork = useMutation(
    trpc.review.fork.mutationOptions({
      onSuccess: (b) => {
        saveToken(b.sessionId, b.token, {
          role: "facilitator",
          title: `${l(tl.scenario.title)} — ${t("branches")} (${turns[turn]?.label ?? turn})`,
          path: `/facilitate?s=${b.sessionId}`,
        });
        router.push(`/review?s=${b.sessionId}&compare=${tl.sessionId}`);
      },
      onError,
    }),
  );
  return (
    <section className="card">
      <h3>{t("timeline")}</h3>
      {turns.length ? (
        <>
          <input
            type="range"
            min={0}
            max={turns.length - 1}
            value={turn}
            data-testid="scrubber"
            aria-label={t("timeline")}
            onChange={(e) => onTurn(Number(e.target.value))}
            style={{ width: "100%" }}
          />
          <p data-testid="scrub-label" data-turn={turn}>
            <strong>{turnName(tr, turn, cur?.label ?? "")}</strong> · {turns.length}
            {locale === "ja" ? " ターン実施" : " turns played"}
          </p>
          {tl.lineage.joinCode ? (
            <p>
              <button
                type="button"
                data-testid="fork"
                onClick={() => fork.mutate({ atTurn: turn })}
                disabled={fork.isPending}
              >
                {forkLabel(tr, tl, turn)}
              </button>{" "}
              <span className="muted small">
                {turn > 0 ? fill(t("forkHint"), { last: turn, k: turn + 1 }) : t("forkHintFirst")}
              </span>
            </p>
          ) : null}
          <ol className="timeline-strip" data-testid="timeline-strip">
            {turns.map((x) =>
              x.entries.length ? (
                <li key={x.turn}>
                  <button
                    type="button"
                    className={`linklike${x.turn === turn ? " current" : ""}`}
                    onClick={() => onTurn(x.turn)}
                  >
                    {turnName(tr, x.turn, x.label)}
                  </button>{" "}
                  {x.entries.map((e) => entryLine(tr, tl, e)).join(" · ")}
                </li>
              ) : null,
            )}
          </ol>
        </>
      ) : (
        <p className="muted">{t("noData")}</p>
      )}
    </section>
  );
}
