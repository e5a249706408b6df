"use client";
import { moneyText } from "@chokepoint/engine";
import { useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { DecisionForm } from "../../src/components/decision-form";
import { EndedSummary } from "../../src/components/ended-summary";
import { ExerciseCharts } from "../../src/components/exercise-charts";
import { LockToast } from "../../src/components/lock-banner";
import { NewsFeed, unreadCount } from "../../src/components/news-feed";
import { OverrideLog } from "../../src/components/override-log";
import { DebriefForm } from "../../src/components/review/debrief-form";
import { SessionHeader } from "../../src/components/session-header";
import { TopBar } from "../../src/components/top-bar";
import { TurnCountdown } from "../../src/components/turn-countdown";
import { TurnFills } from "../../src/components/turn-fills";
import { useI18n } from "../../src/i18n/use-i18n";
import { useSessionToken } from "../../src/lib/token-store";
import { useExerciseView } from "../../src/lib/use-exercise-view";
import { useReadUpTo } from "../../src/lib/use-unread";

function Play() {
  const { t, f, l, locale } = useI18n();
  const sessionId = useSearchParams().get("s") ?? "";
  const { token, checked } = useSessionToken(sessionId);
  const { view, connection, error, setView, clockOffsetMs } = useExerciseView(token);
  const { readUpTo, markRead } = useReadUpTo(sessionId);
  if (checked && !token) return <p className="card">{t("notSignedIn")}</p>;
  if (error) return <p className="card error">{error}</p>;
  if (!view || !token) return <p className="card">{t("connecting")}</p>;
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
              {t("budget")}:{" "}
              {moneyText(view.scenario.units, view.state.budgets[view.me.team] ?? 0, locale)}
            </p>
          ) : null}
        </section>
        {view.me.team && !ended ? <TurnFills view={view} /> : null}
        {view.me.role === "participant" && view.me.team && !ended ? (
          <DecisionForm view={view} token={token} onView={setView} />
        ) : null}
      </div>
      <NewsFeed view={view} readUpTo={readUpTo} onRead={markRead} />
      {ended ? <DebriefForm token={token} /> : null}
      <OverrideLog view={view} />
      <ExerciseCharts view={view} />
    </>
  );
}

export default function PlayPage() {
  return (
    <>
      <TopBar />
      <main>
        <Suspense>
          <Play />
        </Suspense>
      </main>
    </>
  );
}
