"use client";
import type { ExerciseView, TableRow } from "@chokepoint/api";
import { useQueries, useQuery } from "@tanstack/react-query";
import { useProjectorChoice } from "../console/projector-choice";
import { useJoinBase } from "../data/join-link";
import { makeTrpcClient, useTRPC } from "../data/trpc";
import { useI18n } from "../i18n/use-i18n";
import { RevealView } from "../session/reveal-view";
import { LineChart } from "../shared/chart/line-chart";
import { useQrDataUrl } from "../shared/use-qr-data-url";
import { CARDS_FIT, PlenaryCompare, type PlenaryTable } from "./plenary-compare";
import { plenaryKey } from "./plenary-panel";
import { roomLink } from "./room-join-card";
import { type SeminarOverview, useMissionControl } from "./use-mission-control";

/** The median of some numbers (the room's middle table: no one table's figure). */
function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** The room's news: what reached any table this turn, once each (every table shares the scenario). */
function roomNews(rows: readonly TableRow[]) {
  const seen = new Map<string, TableRow["news"][number]>();
  const turn = Math.min(...rows.map((r) => r.turn));
  for (const r of rows)
    for (const item of r.news)
      if (item.startTurn >= turn - 1 && !seen.has(`${item.title.en}|${item.startTurn}`))
        seen.set(`${item.title.en}|${item.startTurn}`, item);
  return [...seen.values()].slice(0, 6);
}

/**
 * The plenary projector: the room QR; during a turn the room's news and a neutral chart every
 * table shares (the room's median of the top price multiple, no table named); after the reveal
 * the tables side by side, each drawn by the single exercise's `RevealView`.
 */
export function PlenaryScreen({ seminarId, secret }: { seminarId: string; secret: string }) {
  const { t, l, f, n } = useI18n();
  const { overview, error } = useMissionControl(seminarId, secret);
  const [choice] = useProjectorChoice(plenaryKey(seminarId));
  const base = useJoinBase();
  const link = base && overview ? roomLink(base.base, overview.roomCode) : "";
  const qr = useQrDataUrl(link, 640);
  if (error) return <p className="card error">{error}</p>;
  if (!overview) return <p className="card">{t("connecting")}</p>;
  const screen = choice ?? "join";
  const rows = overview.rows;
  const turns = Math.max(0, ...rows.map((r) => r.points.length));
  const news = roomNews(rows);
  return (
    <main className="projector" data-testid="plenary" data-screen={screen}>
      <header>
        <h1>{overview.title ?? l(overview.scenario.title)}</h1>
      </header>
      {screen === "join" ? (
        <section className="projector-join">
          {qr ? <img src={qr} alt={t("projectorScan")} data-testid="plenary-qr" /> : null}
          <div>
            <p>{t("projectorScan")}</p>
            <p className="projector-code" data-testid="plenary-code">
              {overview.roomCode}
            </p>
          </div>
        </section>
      ) : null}
      {screen === "turn" ? (
        <>
          <section className="projector-events" data-testid="plenary-news">
            <h2>{t("semRoomNews")}</h2>
            {news.length ? (
              <ul>
                {news.map((item) => (
                  <li key={`${item.eventId}-${item.seq}`}>
                    <strong>{l(item.title)}</strong>{" "}
                    <span className="muted">{item.startLabel}</span>
                    {item.description ? <p>{l(item.description)}</p> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t("semNoNews")}</p>
            )}
          </section>
          <LineChart
            testId="plenary-situation"
            title={t("semSituation")}
            labels={Array.from({ length: turns }, (_, i) => f("semTurnN", { n: i + 1 }))}
            series={[
              {
                name: t("semPrice"),
                values: Array.from({ length: turns }, (_, i) =>
                  median(rows.flatMap((r) => (r.points[i] ? [r.points[i].price] : []))),
                ),
              },
            ]}
            format={(v) => n.times(v, 1, true)}
            yMin={0}
          />
        </>
      ) : null}
      {screen === "reveal" ? <SideBySide overview={overview} /> : null}
    </main>
  );
}

/**
 * Each table's reveal of its last resolved turn (read with the table's own token, again when its
 * turn moves on): side by side while the cards fit the projector, else one line per table.
 */
function SideBySide({ overview }: { overview: SeminarOverview }) {
  const { t, f } = useI18n();
  const trpc = useTRPC();
  const tables = useQuery(trpc.seminar.tables.queryOptions({ seminarId: overview.seminarId }));
  const list = tables.data ?? [];
  const rowOf = (id: string) => overview.rows.find((r) => r.exerciseId === id);
  const views = useQueries({
    queries: list.map((x) => ({
      queryKey: ["plenary-reveal", x.facilitatorToken.slice(0, 12), rowOf(x.exerciseId)?.turn ?? 0],
      queryFn: () =>
        makeTrpcClient(x.facilitatorToken).exercise.view.query() as Promise<ExerciseView>,
    })),
  });
  const shown: PlenaryTable[] = list.map((x, i) => ({
    label: x.label,
    exerciseId: x.exerciseId,
    view: views[i]?.data,
    row: rowOf(x.exerciseId),
  }));
  return (
    <section className="plenary-tables" data-testid="plenary-side-by-side">
      <h2>{t("semSideBySide")}</h2>
      {shown.length > CARDS_FIT ? (
        <PlenaryCompare tables={shown} money={overview.scenario.money} />
      ) : (
        <div className="plenary-grid">
          {shown.map((x) => (
            <article key={x.exerciseId} className="card" data-testid={`plenary-table-${x.label}`}>
              <h3>{f("semJoinedAt", { table: x.label })}</h3>
              {x.view ? <RevealView view={x.view} /> : null}
            </article>
          ))}
        </div>
      )}
    </section>
  );
}
