"use client";
import { useSearchParams } from "next/navigation";
import { Suspense, useEffect } from "react";
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
import { OverrideLog } from "../../src/components/override-log";
import { SessionHeader } from "../../src/components/session-header";
import { StatusBoard } from "../../src/components/status-board";
import { TopBar } from "../../src/components/top-bar";
import { TurnNews } from "../../src/components/turn-news";
import { useI18n } from "../../src/i18n/use-i18n";
import { useSessionToken } from "../../src/lib/token-store";
import { useExerciseView } from "../../src/lib/use-exercise-view";

function Console() {
  const { t } = useI18n();
  const sessionId = useSearchParams().get("s") ?? "";
  const { token, checked } = useSessionToken(sessionId);
  const { view, connection, error, setView, clockOffsetMs, online } = useExerciseView(token);
  const { call, error: callError, clearError } = useCall(token, setView);
  // An error belongs to the moment it happened: a new turn clears it.
  const turn = view?.session.turn;
  useEffect(() => clearError(), [turn]);
  if (checked && !token) return <p className="card">{t("notSignedIn")}</p>;
  if (error) return <p className="card error">{error}</p>;
  if (!view) return <p className="card">{t("connecting")}</p>;
  // A participant's token on this device opened the console's address: not theirs to run.
  if (view.me.role !== "facilitator")
    return (
      <p className="card" data-testid="wrong-page">
        {t("wrongPage")} <a href={`/play?s=${sessionId}`}>{t("toYourPage")}</a>
      </p>
    );
  return (
    <>
      <SessionHeader view={view} connection={connection} clockOffsetMs={clockOffsetMs} />
      {callError ? (
        <p className="card error" role="alert" data-testid="console-error">
          {t("error")}: {callError}
        </p>
      ) : null}
      <StatusBoard view={view} online={online} />
      <TurnNews view={view} className="card wide" />
      <div className="grid">
        <JoinPanel view={view} />
        <ControlPanel view={view} call={call} />
        <RosterPanel view={view} call={call} />
        <DecisionsPanel view={view} />
        <ActionsPanel view={view} call={call} />
      </div>
      <OverrideLog view={view} />
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
