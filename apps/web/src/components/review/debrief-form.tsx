"use client";
import { INPUT_LIMITS } from "@chokepoint/contracts";
import { useCallback, useEffect, useState } from "react";
import { useI18n } from "../../i18n/use-i18n";
import { api, errorText } from "../../lib/trpc";
import { LimitHint } from "../limit-hint";

type Debrief = Awaited<ReturnType<ReturnType<typeof api>["review"]["debrief"]["query"]>>;

/**
 * The end-of-exercise questionnaire on a participant's or observer's screen: each question
 * (the scenario's and the facilitator's), the member's own answer, saved one by one.
 */
export function DebriefForm({ token }: { token: string }) {
  const { t, l, locale } = useI18n();
  const [d, setD] = useState<Debrief | null>(null);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<Record<string, boolean>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    const got = await api(token).review.debrief.query();
    setD(got);
    setDraft((cur) => ({
      ...Object.fromEntries(got.mine.map((a) => [a.questionId, a.answer])),
      ...cur,
    }));
  }, [token]);
  useEffect(() => {
    void load().catch((e: unknown) => setError(errorText(e)));
  }, [load]);
  if (!d || !d.canAnswer || !d.questions.length) return null;
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
              value={draft[q.questionId] ?? ""}
              onChange={(e) => {
                setDraft({ ...draft, [q.questionId]: e.target.value });
                setSaved({ ...saved, [q.questionId]: false });
              }}
            />{" "}
            <LimitHint
              tr={{ t, locale }}
              value={draft[q.questionId] ?? ""}
              max={INPUT_LIMITS.debriefAnswerChars}
            />
            <button
              type="button"
              data-testid={`save-answer-${q.questionId}`}
              disabled={busy !== null || !(draft[q.questionId] ?? "").trim()}
              onClick={async () => {
                setBusy(q.questionId);
                setError(null);
                try {
                  await api(token).review.answerDebrief.mutate({
                    questionId: q.questionId,
                    answer: draft[q.questionId] ?? "",
                  });
                  setSaved({ ...saved, [q.questionId]: true });
                } catch (e) {
                  setError(errorText(e));
                } finally {
                  setBusy(null);
                }
              }}
            >
              {t("saveAnswer")}
            </button>{" "}
            {saved[q.questionId] ? <span className="muted small">{t("answerSaved")}</span> : null}
          </li>
        ))}
      </ol>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
