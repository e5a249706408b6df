"use client";
import { useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { ConsoleLink } from "../../src/components/console-link";
import { ExerciseCharts } from "../../src/components/exercise-charts";
import {
  ActionsPanel,
  ControlPanel,
  DecisionsPanel,
  JoinPanel,
  RosterPanel,
  useCall,
} from "../../src/components/facilitator-panels";
import { SessionHeader } from "../../src/components/session-header";
import { TopBar } from "../../src/components/top-bar";
import { useI18n } from "../../src/i18n/use-i18n";
import { useSessionToken } from "../../src/lib/token-store";
import { useExerciseView } from "../../src/lib/use-exercise-view";

function Console() {
  const { t } = useI18n();
  const sessionId = useSearchParams().get("s") ?? "";
  const { token, checked } = useSessionToken(sessionId);
  const { view, connection, error, setView, clockOffsetMs } = useExerciseView(token);
  const { call, error: callError } = useCall(token, setView);
  if (checked && !token) return <p className="card">{t("notSignedIn")}</p>;
  if (error) return <p className="card error">{error}</p>;
  if (!view) return <p className="card">{t("connecting")}</p>;
  return (
    <>
      <SessionHeader view={view} connection={connection} clockOffsetMs={clockOffsetMs} />
      {callError ? (
        <p className="card error" role="alert" data-testid="console-error">
          {t("error")}: {callError}
        </p>
      ) : null}
      <div className="grid">
        <JoinPanel view={view} />
        <ControlPanel view={view} call={call} />
        <RosterPanel view={view} call={call} />
        <DecisionsPanel view={view} />
        <ActionsPanel view={view} call={call} />
      </div>
      <ExerciseCharts view={view} />
      {token ? <ConsoleLink sessionId={sessionId} token={token} /> : null}
    </>
  );
}

export default function FacilitatePage() {
  const { t } = useI18n();
  return (
    <>
      <TopBar subtitle={t("console")} />
      <main>
        <Suspense>
          <Console />
        </Suspense>
      </main>
    </>
  );
}
