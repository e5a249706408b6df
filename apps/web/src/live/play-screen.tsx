"use client";
import { useExerciseView } from "../data/use-exercise-view";
import { useI18n } from "../i18n/use-i18n";
import { ExerciseCharts } from "../session/exercise-charts";
import { ObjectivesCard } from "../session/objectives-card";
import { OverrideLog } from "../session/override-log";
import { ProjectNewsCard } from "../session/project-news";
import { SessionHeader } from "../session/session-header";
import { TurnCountdown } from "../session/turn-countdown";
import { WhyCard } from "../session/why-card";
import { DebriefForm } from "./debrief-form";
import { DecisionForm } from "./decision-form";
import { EndedSummary } from "./ended-summary";
import { LockToast } from "./lock-banner";
import { MovedNotice } from "./moved-notice";
import { NewsFeed, unreadCount } from "./news-feed";
import { ObserverDecisions } from "./observer-decisions";
import { TurnFills } from "./turn-fills";
import { useReadUpTo } from "./use-unread";

/** The participant's (or observer's) screen for one exercise, fed by the live view. */
export function PlayScreen({ sessionId, token }: { sessionId: string; token: string }) {
  const { t, f, l, n } = useI18n();
  const { view, connection, error, clockOffsetMs } = useExerciseView(token);
  const { readUpTo, markRead } = useReadUpTo(sessionId);
  if (error) return <p className="card error">{error}</p>;
  if (!view) return <p className="card">{t("connecting")}</p>;
  const team = view.scenario.teams.find((x) => x.id === view.me.team);
  const ended = view.session.status === "ended";
  const unread = unreadCount(view, readUpTo);
  const openNews = () => {
    document.getElementById("news")?.scrollIntoView({ behavior: "smooth" });
    markRead(Math.max(0, ...view.news.map((n) => n.seq), ...view.messages.map((m) => m.seq)));
  };
  return (
    <>
      {/* Time and news stay in reach on a phone while the participant scrolls the cards. */}
      <div className="sticky-bar" data-testid="play-bar">
        <strong>{team ? l(team.name) : view.me.displayName}</strong>
        <TurnCountdown view={view} clockOffsetMs={clockOffsetMs} />
        <button type="button" data-testid="news-button" onClick={openNews}>
          {t("newsTitle")}{" "}
          {unread ? (
            <span className="badge" data-testid="news-unread">
              {unread}
            </span>
          ) : null}
        </button>
        <LockToast view={view} />
      </div>
      {unread ? (
        <span className="sr-only" aria-live="polite">
          {f("newsUnread", { n: unread })}
        </span>
      ) : null}
      <SessionHeader view={view} connection={connection} showMessages={false} />
      <MovedNotice view={view} />
      {ended ? <EndedSummary view={view} /> : null}
      <div className="grid">
        <section className="card" data-testid="my-team" data-team={view.me.team ?? ""}>
          <h3>
            {view.me.displayName} —{" "}
            {view.me.role === "observer" ? t("observer") : team ? l(team.name) : t("waitingTeam")}
          </h3>
          {team?.briefing ? (
            <p>
              <strong>{t("briefing")}:</strong> {l(team.briefing)}
            </p>
          ) : null}
          {view.me.team ? (
            <p data-testid="budget">
              {t("budget")}: {n.money(view.state.budgets[view.me.team] ?? 0, view.scenario.units)}
            </p>
          ) : null}
        </section>
        {/* The goal and last turn's causes sit before the form: they are what a team decides by. */}
        {view.me.team && !ended ? <ObjectivesCard view={view} /> : null}
        {view.me.role === "observer" ? <ObserverDecisions view={view} /> : <WhyCard view={view} />}
        {view.me.team && !ended ? <TurnFills view={view} /> : null}
        <ProjectNewsCard view={view} />
        {view.me.role === "participant" && view.me.team && !ended ? (
          <DecisionForm view={view} />
        ) : null}
      </div>
      {/* Once over, the questionnaire is the task: it comes before the long news list. */}
      {ended ? <DebriefForm /> : null}
      <NewsFeed view={view} readUpTo={readUpTo} onRead={markRead} />
      <OverrideLog view={view} />
      <ExerciseCharts view={view} />
    </>
  );
}
