"use client";
import { useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { DecisionForm } from "../../src/components/decision-form";
import { ExerciseCharts } from "../../src/components/exercise-charts";
import { DebriefForm } from "../../src/components/review/debrief-form";
import { SessionHeader } from "../../src/components/session-header";
import { TopBar } from "../../src/components/top-bar";
import { useI18n } from "../../src/i18n/use-i18n";
import { useSessionToken } from "../../src/lib/token-store";
import { useExerciseView } from "../../src/lib/use-exercise-view";

function Play() {
  const { t, l } = useI18n();
  const sessionId = useSearchParams().get("s") ?? "";
  const { token, checked } = useSessionToken(sessionId);
  const { view, connection, error, setView } = useExerciseView(token);
  if (checked && !token) return <p className="card">{t("notSignedIn")}</p>;
  if (error) return <p className="card error">{error}</p>;
  if (!view || !token) return <p className="card">{t("connecting")}</p>;
  const team = view.scenario.teams.find((x) => x.id === view.me.team);
  return (
    <>
      <SessionHeader view={view} connection={connection} />
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
              {t("budget")}: {Math.round(view.state.budgets[view.me.team] ?? 0).toLocaleString()}{" "}
              {l(view.scenario.units.money)}
            </p>
          ) : null}
        </section>
        {view.me.role === "participant" && view.me.team ? (
          <DecisionForm key={view.session.turn} view={view} token={token} onView={setView} />
        ) : null}
      </div>
      {view.session.status === "ended" ? <DebriefForm token={token} /> : null}
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
