"use client";
import { useEffect, useState } from "react";
import { type RememberedExercise, rememberedExercises } from "../data/token-store";
import { useI18n } from "../i18n/use-i18n";

const ROLE = {
  facilitator: "roleFacilitator",
  participant: "roleParticipant",
  observer: "roleObserver",
} as const;

/** The exercises this device created or joined, so a closed console or page can be reopened. */
export function MyExercises() {
  const { t, locale } = useI18n();
  const [list, setList] = useState<RememberedExercise[] | null>(null);
  useEffect(() => setList(rememberedExercises()), []);
  if (list === null) return null;
  const when = (iso: string) =>
    new Date(iso).toLocaleString(locale === "ja" ? "ja-JP" : "en-GB", {
      dateStyle: "medium",
      timeStyle: "short",
    });
  return (
    <section className="card" data-testid="my-exercises">
      <h2>{t("myExercises")}</h2>
      {list.length ? (
        <ul>
          {list.map((e) => (
            <li key={e.sessionId}>
              <a href={e.path} data-testid="my-exercise">
                {e.title || e.sessionId.slice(0, 8)}
              </a>{" "}
              <span className="muted">
                — {t(ROLE[e.role])}, {when(e.savedAt)}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("myExercisesNone")}</p>
      )}
    </section>
  );
}
