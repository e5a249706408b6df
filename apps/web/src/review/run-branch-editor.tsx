"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { errorText } from "../data/error-text";
import { useTRPC } from "../data/trpc";
import { fill } from "../i18n/translator";
import { type Timeline, type Tr, teamName, turnName } from "./format";

type Action =
  | { op: "buy" | "release"; lever: string; tonnes: number }
  | { op: "activate"; lever: string };

interface Row {
  from: number;
  to: number;
  team: string;
  lever: string;
  op: "buy" | "release" | "activate";
  tonnes: number;
}

/**
 * Decisions for the rest of a branch, then a headless run to the end through the one write
 * path. Each row repeats a team's decision over a range of turns (e.g. "buy 5 t every turn
 * from 4 to 8"); turns without a row have no decision.
 */
export function RunBranchEditor({
  tr,
  tl,
  fromTurn,
  onRan,
}: {
  tr: Tr;
  tl: Timeline;
  fromTurn: number;
  /** Called with what the run did; the editor goes once the branch has ended, so the page keeps it. */
  onRan: (result: string) => Promise<void>;
}) {
  const teams = tl.scenario.teams;
  const last = tl.scenario.calendarTurns - 1;
  const firstTeam = teams[0];
  const leverKind = (id: string) => tl.scenario.levers.find((l) => l.id === id)?.kind;
  const blank = (): Row => ({
    from: fromTurn,
    to: fromTurn,
    team: firstTeam?.id ?? "",
    lever: firstTeam?.levers[0] ?? "",
    op: leverKind(firstTeam?.levers[0] ?? "") === "stockpile" ? "buy" : "activate",
    tonnes: 10,
  });
  const trpc = useTRPC();
  const runBranch = useMutation(trpc.review.runBranch.mutationOptions());
  const [rows, setRows] = useState<Row[]>([]);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const set = (i: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const run = async () => {
    setBusy(true);
    setResult(null);
    const turns: Record<string, { team: string; actions: Action[] }[]> = {};
    const byTurn = new Map<number, Map<string, Action[]>>();
    for (const r of rows)
      for (let k = Math.max(r.from, fromTurn); k <= Math.min(r.to, last); k++) {
        const m = byTurn.get(k) ?? new Map<string, Action[]>();
        const action: Action =
          r.op === "activate"
            ? { op: "activate", lever: r.lever }
            : { op: r.op, lever: r.lever, tonnes: r.tonnes };
        m.set(r.team, [...(m.get(r.team) ?? []), action]);
        byTurn.set(k, m);
      }
    for (const [k, m] of byTurn)
      turns[String(k)] = [...m].map(([team, actions]) => ({ team, actions }));
    try {
      const r = await runBranch.mutateAsync({ turns });
      await onRan(
        [
          fill(tr.t("branchRan"), { n: r.turnsPlayed }),
          ...r.refused.map(
            (x) =>
              // Numbered from 1 and named, as the live screens say a turn and a team.
              `${tr.t("refused")}: ${turnName(tr, x.turn, tl.turnLabels[x.turn] ?? "")} · ${teamName(tr, tl, x.team)}: ${tr.locale === "ja" ? x.ja : x.message}`,
          ),
        ].join("\n"),
      );
    } catch (e) {
      setResult(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" data-testid="run-branch">
      <h3>{tr.t("runBranchTitle")}</h3>
      <p className="muted">{fill(tr.t("runBranchHint"), { k: fromTurn + 1 })}</p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th>{tr.t("fromTurn")}</th>
              <th>{tr.t("toTurn")}</th>
              <th>{tr.t("team")}</th>
              <th>{tr.t("lever")}</th>
              <th>{tr.t("action")}</th>
              <th>{tr.t("tonnes")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const team = teams.find((x) => x.id === r.team);
              const stock = leverKind(r.lever) === "stockpile";
              return (
                <tr key={i} data-testid="run-row">
                  {(["from", "to"] as const).map((k) => (
                    <td key={k}>
                      <select
                        data-testid={`run-${k}`}
                        value={r[k]}
                        onChange={(e) => set(i, { [k]: Number(e.target.value) })}
                      >
                        {Array.from({ length: last - fromTurn + 1 }, (_, j) => fromTurn + j).map(
                          (k2) => (
                            <option key={k2} value={k2}>
                              {k2 + 1} ({tl.turnLabels[k2] ?? ""})
                            </option>
                          ),
                        )}
                      </select>
                    </td>
                  ))}
                  <td>
                    <select
                      data-testid="run-team"
                      value={r.team}
                      onChange={(e) => {
                        const t = teams.find((x) => x.id === e.target.value);
                        const lever = t?.levers[0] ?? "";
                        set(i, {
                          team: e.target.value,
                          lever,
                          op: leverKind(lever) === "stockpile" ? "buy" : "activate",
                        });
                      }}
                    >
                      {teams.map((x) => (
                        <option key={x.id} value={x.id}>
                          {tr.l(x.name)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select
                      data-testid="run-lever"
                      value={r.lever}
                      onChange={(e) =>
                        set(i, {
                          lever: e.target.value,
                          op: leverKind(e.target.value) === "stockpile" ? "buy" : "activate",
                        })
                      }
                    >
                      {(team?.levers ?? []).map((id) => (
                        <option key={id} value={id}>
                          {tr.l(tl.scenario.levers.find((l) => l.id === id)?.name) || id}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {stock ? (
                      <select
                        data-testid="run-op"
                        value={r.op}
                        onChange={(e) => set(i, { op: e.target.value as Row["op"] })}
                      >
                        <option value="buy">{tr.locale === "ja" ? "購入" : "buy"}</option>
                        <option value="release">{tr.locale === "ja" ? "放出" : "release"}</option>
                      </select>
                    ) : tr.locale === "ja" ? (
                      "実施"
                    ) : (
                      "start"
                    )}
                  </td>
                  <td>
                    {stock ? (
                      <input
                        data-testid="run-tonnes"
                        type="number"
                        min={1}
                        value={r.tonnes}
                        onChange={(e) => set(i, { tonnes: Number(e.target.value) })}
                        style={{ width: "5rem" }}
                      />
                    ) : null}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="secondary small"
                      onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
                    >
                      {tr.t("remove")}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <button
        type="button"
        className="secondary"
        data-testid="run-add"
        onClick={() => setRows((rs) => [...rs, blank()])}
      >
        {tr.t("addAction")}
      </button>{" "}
      <button type="button" data-testid="run-branch-go" disabled={busy} onClick={run}>
        {busy ? tr.t("runningBranch") : tr.t("runBranch")}
      </button>
      {result ? (
        <p className="error" role="alert" data-testid="run-error">
          {result}
        </p>
      ) : null}
    </section>
  );
}
