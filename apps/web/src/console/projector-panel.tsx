"use client";
import type { ExerciseView } from "@chokepoint/api";
import type { MessageKey } from "../i18n/messages";
import { useI18n } from "../i18n/use-i18n";
import { PROJECTOR_CHOICES, useProjectorChoice } from "./projector-choice";

/** The console's remote for the room's screen: join QR, this turn, or the last turn's reveal. */
export function ProjectorPanel({ view }: { view: ExerciseView }) {
  const { t, f } = useI18n();
  const [choice, setChoice] = useProjectorChoice(view.session.id);
  const shown = choice ?? (view.session.status === "lobby" ? "join" : "turn");
  return (
    <section className="card" data-testid="projector-panel">
      <h3>{t("projectorPanel")}</h3>
      <p className="muted small">{t("projectorPanelNote")}</p>
      <div className="actions">
        {PROJECTOR_CHOICES.map((c) => (
          <button
            key={c}
            type="button"
            data-testid={`projector-show-${c}`}
            aria-pressed={shown === c}
            disabled={c === "reveal" && !view.revealed}
            onClick={() => setChoice(c)}
          >
            {t(`projectorShow_${c}` as MessageKey)}
          </button>
        ))}
      </div>
      <p className="small" data-testid="projector-showing">
        {f("projectorShowing", { screen: t(`projectorScreen_${shown}` as MessageKey) })}
      </p>
      <a href={`/projector?s=${view.session.id}`} target="_blank" rel="noreferrer">
        {t("projectorOpen")}
      </a>
    </section>
  );
}
