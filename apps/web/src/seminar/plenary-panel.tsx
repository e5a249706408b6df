"use client";
import { PROJECTOR_CHOICES, useProjectorChoice } from "../console/projector-choice";
import type { MessageKey } from "../i18n/messages";
import { useI18n } from "../i18n/use-i18n";

/** The key under which mission control tells the plenary screen what to show (same browser). */
export const plenaryKey = (seminarId: string) => `seminar:${seminarId}`;

/** Mission control's remote for the plenary screen: the room QR, this turn, or the reveal. */
export function PlenaryPanel({ seminarId }: { seminarId: string }) {
  const { t } = useI18n();
  const [choice, setChoice] = useProjectorChoice(plenaryKey(seminarId));
  const shown = choice ?? "join";
  return (
    <p className="actions" data-testid="plenary-panel">
      {PROJECTOR_CHOICES.map((c) => (
        <button
          key={c}
          type="button"
          data-testid={`plenary-show-${c}`}
          aria-pressed={shown === c}
          onClick={() => setChoice(c)}
        >
          {t(`projectorShow_${c}` as MessageKey)}
        </button>
      ))}
    </p>
  );
}
