"use client";
import { useState } from "react";
import { errorText } from "../data/error-text";
import { useI18n } from "../i18n/use-i18n";
import { DebriefExports } from "./debrief-exports";
import { useSeminarDebrief } from "./debrief-queries";
import { DebriefView } from "./debrief-view";

/** The facilitator's cross-table debrief: every table side by side, with the exports. */
export function DebriefScreen({ seminarId, secret }: { seminarId: string; secret: string }) {
  const { t, locale } = useI18n();
  const debrief = useSeminarDebrief(seminarId);
  const [failed, setFailed] = useState<string | null>(null);
  if (debrief.error) return <p className="card error">{errorText(debrief.error)}</p>;
  const d = debrief.data;
  if (!d) return <p className="card">{t("sdLoading")}</p>;
  return (
    <div className="debrief-screen" data-testid="seminar-debrief">
      <section className="card">
        <h1>
          {t("sdTitle")} · {d.scenario.title[locale]}
        </h1>
        <DebriefExports seminarId={seminarId} secret={secret} onError={setFailed} />
        {failed ? <p className="error">{failed}</p> : null}
      </section>
      <DebriefView d={d} locale={locale} />
    </div>
  );
}
