"use client";
import { INPUT_LIMITS } from "@chokepoint/contracts";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { errorText } from "../data/error-text";
import { useTRPC } from "../data/trpc";
import { useI18n } from "../i18n/use-i18n";
import { LimitHint } from "../shared/form/limit-hint";

/**
 * The end-of-exercise questionnaire on a participant's or observer's screen: each question
 * (the scenario's and the facilitator's), the member's own answer, saved one by one.
 */
export function DebriefForm() {
  const { t, l, locale } = useI18n();
  const trpc = useTRPC();
  const debrief = useQuery(trpc.review.debrief.queryOptions());
  const answer = useMutation(trpc.review.answerDebrief.mutationOptions());
  // What this member has typed, over the answers already stored.
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<Record<string, boolean>>({});
  const d = debrief.data;
  if (!d?.canAnswer || !d.questions.length) return null;
  const stored = Object.fromEntries(d.mine.map((a) => [a.questionId, a.answer]));
  const text = (id: string) => draft[id] ?? stored[id] ?? "";
  const busy = answer.isPending ? answer.variables.questionId : null;
  return (
    <section className="card" data-testid="debrief-form">
      <h3>{t("debriefQuestions")}</h3>
      <p className="muted small">{t("debriefHint")}</p>
      <ol>
        {d.questions.map((q) => (
          <li key={q.questionId}>
            <p>{l(q.text)}</p>
            <textarea
              data-testid={`answer-${q.questionId}`}
              maxLength={INPUT_LIMITS.debriefAnswerChars}
              rows={3}
              value={text(q.questionId)}
              onChange={(e) => {
                setDraft({ ...draft, [q.questionId]: e.target.value });
                setSaved({ ...saved, [q.questionId]: false });
              }}
            />{" "}
            <LimitHint
              tr={{ t, locale }}
              value={text(q.questionId)}
              max={INPUT_LIMITS.debriefAnswerChars}
            />
            <button
              type="button"
              data-testid={`save-answer-${q.questionId}`}
              disabled={busy !== null || !text(q.questionId).trim()}
              onClick={() =>
                answer.mutate(
                  { questionId: q.questionId, answer: text(q.questionId) },
                  { onSuccess: () => setSaved((s) => ({ ...s, [q.questionId]: true })) },
                )
              }
            >
              {t("saveAnswer")}
            </button>{" "}
            {saved[q.questionId] ? <span className="muted small">{t("answerSaved")}</span> : null}
          </li>
        ))}
      </ol>
      {debrief.error || answer.error ? (
        <p className="error" role="alert">
          {errorText(answer.error ?? debrief.error)}
        </p>
      ) : null}
    </section>
  );
}
