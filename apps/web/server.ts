// One process on one port: Next.js pages, tRPC under /api/trpc and socket.io, on the embedded
// SQLite database (migrations applied first) or, as one of several processes, on PostgreSQL
// (README "Scale out"). `tsx server.ts` after `next build`; `--dev` for development.
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { answerLoopDelay, clusterAdapter, createAppServer, ScenarioCatalog } from "@chokepoint/api";
import { DatabaseStartError, databaseUrl, redactUrl, startDatabase } from "@chokepoint/db";
import next from "next";
import { serveAarPdf } from "./src/server/aar-pdf";
import { exportFailed } from "./src/server/export-failed";
import { PdfRenderer } from "./src/server/pdf-renderer";
import { ChildPrintServer, sameProcessHost } from "./src/server/print-host";
import { serveSeminarDebriefPdf } from "./src/server/seminar-debrief-pdf";
import { serveTableCardsPdf } from "./src/server/table-cards-pdf";
import { serverEnv } from "./src/server-env";

const env = (() => {
  try {
    return serverEnv();
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
})();
const url = databaseUrl();
// Migrations, then an integrity check: a damaged file or a log with gaps stops the server with
// a report saying what to do, instead of serving exercises that would replay wrongly.
const db = await startDatabase(url).catch((e: unknown) => {
  console.error(e instanceof DatabaseStartError ? e.message : e);
  process.exit(1);
});
const cluster = await clusterAdapter({ databaseUrl: url, redisUrl: env.redisUrl });
const app = next({ dev: env.dev, dir: import.meta.dirname });
await app.prepare();
const handle = app.getRequestHandler();
// One shared Chromium for every PDF, with a concurrency cap, a queue and a timeout. Its print
// pages come from a render-only child server, so that making a PDF never slows a room in play
// (development shares its one Next dev server instead).
const printHost =
  env.dev || env.pdfInProcess
    ? sameProcessHost(`http://127.0.0.1:${env.port}`)
    : new ChildPrintServer(join(import.meta.dirname, "render-server.ts"), {
        ...process.env,
        DATABASE_URL: url,
      });
const pdfs = new PdfRenderer(printHost);
// `--bench-loop-delay` (benchmarks only): GET /bench/loop-delay answers this process's event-loop
// delay since the last ask (p50, p99, max in ms) and starts a new measurement.
const loop = process.argv.includes("--bench-loop-delay")
  ? monitorEventLoopDelay({ resolution: 5 })
  : undefined;
loop?.enable();
const server = createAppServer({
  db,
  catalog: ScenarioCatalog.builtIn(),
  limits: env.limits,
  publicUrls: env.publicUrls,
  ...(env.facilitatorPasscode ? { facilitatorPasscode: env.facilitatorPasscode } : {}),
  ...(cluster ? { cluster } : {}),
  ...(env.nodeName ? { nodeName: env.nodeName } : {}),
  trustProxy: env.trustProxy,
  fallback: (req, res) => {
    if (loop && req.url === "/bench/loop-delay") return answerLoopDelay(loop, res);
    if (req.url?.startsWith("/export/aar.pdf")) {
      void serveAarPdf(req, res, server.review, pdfs).catch((e: unknown) =>
        exportFailed(res, { en: "AAR export failed", ja: "AARの書き出しに失敗しました" }, e),
      );
      return;
    }
    if (req.url?.startsWith("/export/table-cards.pdf")) {
      void serveTableCardsPdf(req, res, server.seminar, pdfs).catch((e: unknown) =>
        exportFailed(
          res,
          { en: "Table cards export failed", ja: "テーブルカードの書き出しに失敗しました" },
          e,
        ),
      );
      return;
    }
    if (req.url?.startsWith("/export/seminar.pdf")) {
      void serveSeminarDebriefPdf(req, res, server.seminar, pdfs).catch((e: unknown) =>
        exportFailed(
          res,
          {
            en: "Seminar debrief export failed",
            ja: "セミナーの振り返りの書き出しに失敗しました",
          },
          e,
        ),
      );
      return;
    }
    void handle(req, res);
  },
});
// An import or fork left unfinished by a crash was never joinable; now it is deleted.
const discarded = await server.service.store.discardUnpublished(
  new Date(Date.now() - env.limits.unfinishedImportMinutes * 60_000),
);
if (discarded) console.log(`Deleted ${discarded} import(s) left unfinished by an earlier crash`);
// A deep listen queue: a room's phones connecting at once wait rather than lose a SYN (Node's
// default of 511; a dropped SYN costs the phone a second's retry and a busy look to HAProxy).
server.http.listen({ port: env.port, host: env.host, backlog: 4096 }, () => {
  const fanOut = cluster ? `, pushes shared through ${cluster.kind}` : "";
  console.log(`Chokepoint on http://localhost:${env.port} (database ${redactUrl(url)}${fanOut})`);
  printHost.warm();
});
const stop = async () => {
  await server.close();
  await pdfs.close();
  await db.$disconnect();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
