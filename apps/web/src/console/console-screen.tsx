"use client";
import { useEffect } from "react";
import { errorText } from "../data/error-text";
import { useExerciseView } from "../data/use-exercise-view";
import { useI18n } from "../i18n/use-i18n";
import { ExerciseCharts } from "../session/exercise-charts";
import { ObjectivesCard } from "../session/objectives-card";
import { OverrideLog } from "../session/override-log";
import { ProjectNewsCard } from "../session/project-news";
import { SessionHeader } from "../session/session-header";
import { TurnNews } from "../session/turn-news";
import { UnverifiedMark } from "../session/unverified-mark";
import { WhyCard } from "../session/why-card";
import { ActionsPanel } from "./actions-panel";
import { ConsoleLink } from "./console-link";
import { ControlPanel } from "./control-panel";
import { DecisionsPanel } from "./decisions-panel";
import { JoinPanel } from "./join-panel";
import { ProjectorPanel } from "./projector-panel";
import { RosterPanel } from "./roster-panel";
import { StatusBoard } from "./status-board";
import { useCommandOutcome } from "./use-command-outcome";

/** The facilitator's console for one exercise, fed by the live view. */
export function ConsoleScreen({ sessionId, token }: { sessionId: string; token: string }) {
  const tr = useI18n();
  const { t } = tr;
  const { view, connection, error, clockOffsetMs, online } = useExerciseView(token);
  const { outcome, error: callError, clearError } = useCommandOutcome();
  // An error belongs to the moment it happened: a new turn clears it.
  const turn = view?.session.turn;
  useEffect(() => clearError(), [turn]);
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
      <UnverifiedMark tr={tr} unverified={view.session.unverified} />
      {callError ? (
        <p className="card error" role="alert" data-testid="console-error">
          {t("error")}: {errorText(callError)}
        </p>
      ) : null}
      <StatusBoard view={view} online={online} />
      <TurnNews view={view} className="card wide" />
      <div className="grid">
        <JoinPanel view={view} />
        <ControlPanel view={view} outcome={outcome} />
        <ProjectorPanel view={view} />
        <RosterPanel view={view} outcome={outcome} />
        <DecisionsPanel view={view} />
        <ActionsPanel view={view} outcome={outcome} />
        <WhyCard view={view} />
        <ProjectNewsCard view={view} />
        <ObjectivesCard view={view} />
      </div>
      <OverrideLog view={view} />
      <ExerciseCharts view={view} />
      <ConsoleLink sessionId={sessionId} token={token} />
    </>
  );
}
