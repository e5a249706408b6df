"use client";
import { INPUT_LIMITS } from "@chokepoint/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorText } from "../data/error-text";
import { useTRPC } from "../data/trpc";
import { LimitHint } from "../shared/form/limit-hint";
import { paren, type Timeline, type Tr } from "./format";

/** Each debrief question with everyone's answers (who, which team); for the review and the PDF. */
export function DebriefAnswers({ tr, tl }: { tr: Tr; tl: Timeline }) {
  const team = (id: string | null) =>
    id ? tr.l(tl.scenario.teams.find((x) => x.id === id)?.name) || id : tr.t("observers");
  return (
    <ol data-testid="debrief-answers">
      {tl.debrief.questions.map((q) => {
        const answers = tl.debrief.answers.filter((a) => a.questionId === q.questionId);
        return (
          <li key={q.questionId} className="keep">
            <p>
              <strong>{tr.l(q.text)}</strong>
            </p>
            {answers.length ? (
              <ul>
                {answers.map((a) => (
                  <li key={a.participantId}>
                    {a.displayName}
                    {paren(tr.locale, team(a.team))}: {a.answer}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted small">{tr.t("noAnswers")}</p>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** The facilitator adds a question of their own to the questionnaire. */
export function AddDebriefQuestion({ tr }: { tr: Tr }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const addQuestion = useMutation(trpc.review.addDebriefQuestion.mutationOptions());
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <p>
      <input
        data-testid="question-text"
        value={text}
        maxLength={INPUT_LIMITS.debriefQuestionChars}
        placeholder={tr.t("addQuestion")}
        onChange={(e) => setText(e.target.value)}
        style={{ width: "70%" }}
      />{" "}
      <LimitHint tr={tr} value={text} max={INPUT_LIMITS.debriefQuestionChars} />{" "}
      <button
        type="button"
        data-testid="add-question"
        disabled={busy || !text.trim()}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            await addQuestion.mutateAsync({
              questionId: `q-${crypto.randomUUID().slice(0, 8)}`,
              text,
            });
            setText("");
            await queryClient.invalidateQueries(trpc.review.timeline.queryFilter());
          } catch (e) {
            setError(errorText(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        {tr.t("addQuestion")}
      </button>
      {error ? <span className="error"> {error}</span> : null}
    </p>
  );
}
