"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorText } from "../data/error-text";
import { useTRPC } from "../data/trpc";
import { useI18n } from "../i18n/use-i18n";
import { UnverifiedMark } from "../session/unverified-mark";
import { BranchPanel } from "./branch-panel";
import { ComparisonPanel } from "./comparison-panel";
import { AddDebriefQuestion, DebriefAnswers } from "./debrief-answers";
import { FindingsPanel } from "./findings/findings-panel";
import { ReviewExports } from "./review-actions";
import { ReviewBands } from "./review-bands";
import { useComparison, useTimeline } from "./review-queries";
import { RunBranchEditor } from "./run-branch-editor";
import { Scorecard, ScorecardCharts } from "./scorecard";
import { TimelineScrubber } from "./timeline-scrubber";
import { TurnDetail } from "./turn-detail";

/** The after-action review of one exercise (or branch), optionally compared with another. */
export function ReviewScreen({
  sessionId,
  token,
  compareWith,
}: {
  sessionId: string;
  token: string;
  compareWith: string | null;
}) {
  const tr = useI18n();
  const { t, l } = tr;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const timeline = useTimeline();
  const comparison = useComparison(compareWith);
  const [picked, setPicked] = useState(0);
  // A refusal of an action (fork, PDF) takes the page, as a failed load does.
  const [failure, setFailure] = useState<string | null>(null);
  const [runResult, setRunResult] = useState<string | null>(null);
  const loadError = timeline.error ?? comparison.error;
  if (failure || loadError)
    return (
      <p className="card error" role="alert">
        {failure ?? errorText(loadError)}
      </p>
    );
  const tl = timeline.data;
  if (!tl || (compareWith && !comparison.data)) return <p className="card">{t("connecting")}</p>;
  const turns = tl.turns;
  // The scrubbed turn stays within the turns played (a reload may bring fewer, never more).
  const turn = Math.min(picked, Math.max(0, turns.length - 1));
  return (
    <>
      <section className="card">
        <h2>
          {t("review")} — {tl.title ? `${tl.title} · ` : ""}
          {l(tl.scenario.title)}
        </h2>
        <p className="muted small">
          {t("facilitator")}: {tl.facilitator} · {t("seed")}: {tl.seed}
        </p>
        <UnverifiedMark tr={tr} unverified={tl.unverified} />
        <ReviewExports sessionId={sessionId} token={token} onError={setFailure} />
      </section>
      <FindingsPanel tr={tr} tl={tl} />
      <BranchPanel tr={tr} tl={tl} />
      {comparison.data ? <ComparisonPanel tr={tr} tl={tl} cmp={comparison.data} /> : null}
      {tl.status !== "ended" && tl.lineage.joinCode ? (
        <RunBranchEditor
          tr={tr}
          tl={tl}
          fromTurn={turns.length}
          onRan={async (r) => {
            setRunResult(r);
            // The branch played on: its timeline, comparison and bands all changed.
            await queryClient.invalidateQueries(trpc.review.pathFilter());
          }}
        />
      ) : null}
      {runResult ? (
        <p className="card" data-testid="run-result" style={{ whiteSpace: "pre-line" }}>
          {runResult}
        </p>
      ) : null}
      <TimelineScrubber
        tr={tr}
        tl={tl}
        turn={turn}
        onTurn={setPicked}
        onError={(e) => setFailure(errorText(e))}
      />
      <TurnDetail tr={tr} tl={tl} turn={turn} />
      <ReviewBands tr={tr} tl={tl} turn={turn} />
      <section className="card" data-testid="debrief">
        <h3>{t("debriefQuestions")}</h3>
        <DebriefAnswers tr={tr} tl={tl} />
        {tl.lineage.joinCode ? <AddDebriefQuestion tr={tr} /> : null}
      </section>
      {tl.scorecard.length ? (
        <section className="card">
          <h3>{t("scorecard")}</h3>
          <div className="table-scroll">
            <Scorecard tr={tr} tl={tl} />
          </div>
          <h3>{t("scorePerTurn")}</h3>
          <ScorecardCharts tr={tr} tl={tl} />
        </section>
      ) : null}
    </>
  );
}
