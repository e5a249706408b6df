"use client";
import { useEffect, useState } from "react";
import { loadToken } from "../data/token-store";
import { fill } from "../i18n/translator";
import type { Timeline, Tr } from "./format";

/**
 * Where this exercise sits among its branches: "forked from … at the start of turn k", the
 * branch's join code and console (to play it live), the list of its own branches, and links
 * to compare. A branch's token lives only on the device that forked it.
 */
export function BranchPanel({ tr, tl }: { tr: Tr; tl: Timeline }) {
  const [tokens, setTokens] = useState<Record<string, boolean>>({});
  const lin = tl.lineage;
  useEffect(() => {
    const ids = [...lin.branches.map((b) => b.sessionId), ...(lin.parentId ? [lin.parentId] : [])];
    setTokens(Object.fromEntries(ids.map((id) => [id, loadToken(id) !== null])));
  }, [lin]);
  const labelOf = (k: number | null) => (k === null ? "" : (tl.turnLabels[k] ?? ""));
  return (
    <section className="card" data-testid="branches">
      {lin.parentId ? (
        <div data-testid="forked-from">
          <p>
            <strong>
              {fill(tr.t("forkedFrom"), {
                parent: lin.parentId.slice(0, 8),
                k: `${(lin.forkedAtTurn ?? 0) + 1} (${labelOf(lin.forkedAtTurn) || "—"})`,
              })}
            </strong>
          </p>
          <p>
            {tokens[lin.parentId] ? (
              <>
                <a href={`/review?s=${lin.parentId}`}>{tr.t("openParent")}</a>
                {" · "}
                <a
                  data-testid="compare-parent"
                  href={`/review?s=${tl.sessionId}&compare=${lin.parentId}`}
                >
                  {tr.t("compareWithParent")}
                </a>
              </>
            ) : (
              <a
                data-testid="compare-parent"
                href={`/review?s=${tl.sessionId}&compare=${lin.parentId}`}
              >
                {tr.t("compareWithParent")}
              </a>
            )}
          </p>
          {lin.joinCode ? (
            <p>
              {tr.t("branchJoinCode")}: <code data-testid="branch-join-code">{lin.joinCode}</code>
              {" · "}
              <a data-testid="branch-console" href={`/facilitate?s=${tl.sessionId}`}>
                {tr.t("branchConsole")}
              </a>
            </p>
          ) : null}
        </div>
      ) : null}
      <h3>{tr.t("branches")}</h3>
      {lin.branches.length ? (
        <ul data-testid="branch-list">
          {lin.branches.map((b) => (
            <li key={b.sessionId}>
              {fill(tr.t("forkAtStart"), {
                k: (b.forkedAtTurn ?? 0) + 1,
                label: labelOf(b.forkedAtTurn),
              })}{" "}
              · {tr.t(STATUS[b.status as keyof typeof STATUS] ?? "statusEnded")} ·{" "}
              {tokens[b.sessionId] ? (
                <>
                  <a href={`/review?s=${b.sessionId}`}>{tr.t("openBranch")}</a>
                  {" · "}
                  <a href={`/review?s=${b.sessionId}&compare=${tl.sessionId}`}>
                    {tr.t("compareTitle")}
                  </a>
                </>
              ) : (
                <span className="muted">{tr.t("notOnThisDevice")}</span>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{tr.t("noBranches")}</p>
      )}
    </section>
  );
}

const STATUS = {
  lobby: "statusLobby",
  running: "statusRunning",
  paused: "statusPaused",
  ended: "statusEnded",
} as const;
