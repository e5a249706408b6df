import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { type Database, PrismaExerciseStore } from "@chokepoint/db";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { AuthoringPool } from "../authoring/authoring-pool.ts";
import { LibraryScenarios } from "../authoring/library-scenarios.ts";
import { LibraryService } from "../authoring/library-service.ts";
import { DEFAULT_LIMITS, type Limits } from "../limits.ts";
import { bearerToken } from "../parse-input.ts";
import { ReviewService } from "../review/review-service.ts";
import { SeminarDebriefService } from "../review/seminar-debrief/seminar-debrief-service.ts";
import { appRouter } from "../router/root.ts";
import { type Context, logUnexpected } from "../router/trpc.ts";
import type { ScenarioCatalog } from "../scenario-catalog.ts";
import { SeminarService } from "../seminar/seminar-service.ts";
import { ExerciseService } from "../service/exercise-service.ts";
import { JoinGuard } from "../service/join-guard.ts";
import { MonteCarloPool } from "../service/monte-carlo-pool.ts";
import { FacilitatorPasscode } from "../service/passcode.ts";
import { WorkGate } from "../service/work-gate.ts";
import { attachSocket, type ChokepointIo } from "../socket/attach-socket.ts";
import type { ClusterAdapter } from "../socket/cluster-adapter.ts";
import { clientAddress } from "./client-address.ts";
import { directMutation } from "./direct-mutation.ts";
import { ImportParser } from "./import-body/import-parser.ts";
import { serveImport } from "./import-body/serve-import.ts";
import { procedurePath } from "./procedure-path.ts";
import { NoTurnTimers, readOnlyStore, refusedByRenderOnly } from "./render-only.ts";
import { serveStreamed, streamedPath } from "./streamed-queries.ts";

export interface AppServer {
  http: Server;
  io: ChokepointIo;
  service: ExerciseService;
  review: ReviewService;
  seminar: SeminarService;
  /** Monte Carlo's workers (read by tests and the long-log bench: jobs in flight). */
  monteCarlo: MonteCarloPool;
  close(): Promise<void>;
}

/**
 * One HTTP server: tRPC under /api/trpc, socket.io under /socket.io, and everything else to
 * `fallback` (the Next.js request handler in the web app; 404 in API-only use).
 */
export function createAppServer(opts: {
  db: Database;
  catalog: ScenarioCatalog;
  fallback?: (req: IncomingMessage, res: ServerResponse) => void;
  limits?: Limits;
  /** When set, creating and importing exercises need it (CHOKEPOINT_FACILITATOR_PASSCODE). */
  facilitatorPasscode?: string;
  /** Where phones reach the server (join links, QR): the operator's URL and the LAN address. */
  publicUrls?: { configured: string | null; lan: string | null };
  /** Several processes: the socket.io adapter that carries pushes between them (`clusterAdapter`). */
  cluster?: ClusterAdapter;
  /** Sent as `X-Chokepoint-Node` on every response, so an operator can see which process answered. */
  nodeName?: string;
  /** A balancer or proxy is in front: take the caller's address from X-Forwarded-For (`clientAddress`). */
  trustProxy?: boolean;
  /** Off: one transaction per command, as before group commit (for benchmarks). */
  groupCommit?: boolean;
  /**
   * The write path before prepared statements and pipelining (for benchmarks): the log through
   * Prisma on SQLite too, and an exercise's next command waiting for this one's commit.
   */
  previousWritePath?: boolean;
  /** The log through Prisma on PostgreSQL, as before `PgLog` (for benchmarks: `--previous-pg-path`). */
  prismaLog?: boolean;
  /**
   * Exports, the timeline and import bodies through tRPC's own handler, as before they were
   * written in pieces and parsed in a worker (for benchmarks: `bench:long-log` runs both).
   */
  previousReadPath?: boolean;
  /**
   * At most one push per exercise in this many ms; a quiet exercise's push goes at once
   * (`AfterChange`). Default `PUSH_EVERY_MS`; 0 pushes every turn of the event loop, as before.
   */
  pushEveryMs?: number;
  /**
   * Plain JSON mutations go straight to their procedure (`directMutation`), answered as tRPC's
   * adapter would; false sends every call through the adapter, as before (benchmarks compare).
   */
  directMutations?: boolean;
  /**
   * Commands answered with the caller's whole view and pushes carrying the scenario, as before
   * they answered a receipt (benchmarks compare; the web client reads receipts only).
   */
  wholeViews?: boolean;
  /**
   * Each command reads the exercise's log tail before it is decided, as before a stale writer
   * was found by its append instead (benchmarks compare; `ExerciseRunner.tailReadPerCommand`).
   */
  tailReadPerCommand?: boolean;
  /**
   * A push waits up to this many ms while its exercise's commands await their answers
   * (`AfterChange`). Default `PUSH_DEFER_MS`; 0 never waits, as before.
   */
  pushDeferMs?: number;
  /** How often unfinished imports and forks are looked for and deleted (default a minute). */
  sweepUnfinishedEveryMs?: number;
  /**
   * A server that only renders print pages for the PDFs of its parent, on the same database
   * (`render-only.ts`): reads with the parent's key alone, no subscriptions, turn timers, sweeps
   * or cache writes.
   */
  renderOnly?: { key: string };
}): AppServer {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  // Library scenarios (`lib-…`) resolve from this server's database, beside the built-in ones.
  const catalog = opts.catalog.withLibrary(new LibraryScenarios(opts.db));
  const previous = opts.previousWritePath ?? false;
  const written = new PrismaExerciseStore(opts.db, {
    groupCommit: opts.groupCommit ?? true,
    preparedLog: !previous && !opts.prismaLog,
  });
  const renderKey = opts.renderOnly?.key;
  const store = renderKey === undefined ? written : readOnlyStore(written);
  // The socket's pushes first, so the service takes its broadcaster when made (no setter).
  const http = createServer((req, res) => {
    for (const [name, value] of SECURITY_HEADERS) res.setHeader(name, value);
    if (renderKey !== undefined && refusedByRenderOnly(renderKey, req, res)) return;
    if (opts.nodeName) res.setHeader("X-Chokepoint-Node", opts.nodeName);
    // The import's larger limit is for the import alone: the path must be exactly it.
    // Parsed and checked in a worker (an 8 MB body held the loop 240–480 ms in JSON.parse).
    if (pathOf(req.url) === "/api/trpc/review.importJson") {
      if (req.method !== "POST" || opts.previousReadPath) return trpcImport(req, res);
      const ctx = contextOf(req);
      void serveImport(req, res, ctx, importParser, limits.bodyBytes.import, limits.jsonDepth);
      return;
    }
    // A workbook's bytes, the editor's cells or a scenario's YAML: larger than a command.
    if (WORKBOOK_PATHS.has(pathOf(req.url))) return trpcWorkbook(req, res);
    // Exports and the timeline: answers that grow with the log, written in pieces.
    const streamed = opts.previousReadPath ? undefined : streamedPath(req);
    if (streamed) {
      void serveStreamed(req, res, streamed, contextOf(req), streamGate)
        .then((done) => done || trpc(req, res))
        .catch((e: unknown) => {
          logUnexpected(streamed, e);
          res.destroy();
        });
      return;
    }
    if (req.url?.startsWith("/api/trpc/")) {
      if (direct?.(req, res)) return;
      return trpc(req, res);
    }
    if (req.url === "/healthz") {
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      return;
    }
    if (opts.fallback) return opts.fallback(req, res);
    res.writeHead(404).end();
  });
  // Idle keep-alive connections outlive a balancer's: HAProxy reuses an idle connection to a
  // process and purges its pool every few seconds, and Node closed them after 5 s. When the two
  // crossed, a call sent on a connection the process had just closed got no answer, and HAProxy
  // closed the caller's connection too ("other side closed" in the set-up of a 1,000-participant
  // run). Past HAProxy's own timeouts (60 s), it is always the balancer that closes first.
  http.keepAliveTimeout = 65_000;
  http.headersTimeout = 66_000;
  const socket = attachSocket(http, opts.cluster, undefined, opts.wholeViews ?? false);
  const timers = renderKey === undefined ? undefined : new NoTurnTimers();
  const service = new ExerciseService(store, catalog, socket.broadcaster, timers, {
    limits,
    pipelined: !previous,
    pushEveryMs: opts.pushEveryMs ?? PUSH_EVERY_MS,
    wholeViewAnswers: opts.wholeViews ?? false,
    tailReadPerCommand: opts.tailReadPerCommand ?? false,
    pushDeferMs: opts.pushDeferMs ?? PUSH_DEFER_MS,
  });
  const { io } = socket;
  const mcPool = new MonteCarloPool(limits.monteCarlo);
  const joinGuard = new JoinGuard(limits.join);
  const passcode = new FacilitatorPasscode(opts.facilitatorPasscode, limits.passcode);
  const review = new ReviewService(service, limits, mcPool);
  const authoringPool = new AuthoringPool(limits.authoring);
  const library = new LibraryService(opts.db, catalog, authoringPool);
  const seminar = new SeminarService(opts.db, service, limits);
  const seminarDebrief = new SeminarDebriefService(review, service, limits);
  if (renderKey === undefined)
    socket.serve(service, limits.socketSubscribeMs, limits.socketSubscribesPerMinute, seminar);
  // Two handlers differing only in how large a body they read: an import carries a whole
  // exercise log, every other call a few kilobytes. Bodies over the limit get 413 unread.
  // Batching is off: one HTTP request is one call, so every per-call limit (the join and
  // passcode throttles, rate limits, the body limits, the Monte Carlo queue) counts each call
  // (one POST of 1,000 joins made 999 guesses; one GET of 60 exports froze the server for 97 s).
  // The web client sends one call per request (`httpLink`).
  const contextOf = (req: IncomingMessage): Context => ({
    service,
    review,
    library,
    seminar,
    seminarDebrief,
    token: bearerToken(req.headers.authorization),
    address: clientAddress(req, opts.trustProxy ?? false),
    joinGuard,
    passcode,
    jsonDepth: limits.jsonDepth,
    publicUrls: opts.publicUrls ?? { configured: null, lan: null },
  });
  const handler = (maxBodySize: number) =>
    createHTTPHandler({
      router: appRouter,
      basePath: "/api/trpc/",
      allowBatching: false,
      maxBodySize,
      createContext: ({ req }) => contextOf(req),
    });
  // Plain JSON mutations (every command) skip the adapter's fetch conversion (`directMutation`).
  const direct =
    (opts.directMutations ?? true)
      ? directMutation({
          router: appRouter,
          basePath: "/api/trpc/",
          maxBodySize: limits.bodyBytes.default,
          createContext: contextOf,
        })
      : undefined;
  const trpc = handler(limits.bodyBytes.default);
  const trpcImport = handler(limits.bodyBytes.import);
  const importParser = new ImportParser();
  const streamGate = new WorkGate(limits.logReads.concurrent, limits.logReads.waiting);
  const trpcWorkbook = handler(limits.bodyBytes.workbook);
  // Half-imports (an import or fork a crash or a dropped request left unfinished) were deleted
  // only at the next start: now every minute, once older than `unfinishedImportMinutes`.
  const sweep = setInterval(() => {
    if (renderKey !== undefined) return; // the serving process sweeps
    const before = new Date(Date.now() - limits.unfinishedImportMinutes * 60_000);
    service.store
      .discardUnpublished(before)
      .then((n) => n && console.log(`Deleted ${n} unfinished import(s) or fork(s)`))
      .catch((e: unknown) => console.error("deleting unfinished imports failed", e));
  }, opts.sweepUnfinishedEveryMs ?? 60_000);
  sweep.unref();
  return {
    http,
    io,
    service,
    review,
    seminar,
    monteCarlo: mcPool,
    close: async () => {
      clearInterval(sweep);
      service.timers.clearAll();
      await mcPool.close();
      await importParser.close();
      await authoringPool.close();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await opts.cluster?.close();
    },
  };
}

/**
 * Within the 150 ms push target with room to spare, and long enough that everyone locking at
 * once sends each exercise a handful of pushes rather than one per lock.
 */
export const PUSH_EVERY_MS = 50;
/** How long a push may wait for its exercise's unanswered commands (`AfterChange`). */
export const PUSH_DEFER_MS = 150;

const WORKBOOK_PATHS = new Set(
  ["library.upload", "library.save", "library.importYaml"].map((p) => `/api/trpc/${p}`),
);

/** The path as tRPC will resolve it (decoded), so no encoded spelling takes another road. */
function pathOf(url: string | undefined): string {
  return procedurePath(url) ?? "";
}

/**
 * On every response: no framing by other sites (clickjacking), no MIME sniffing, no referrer
 * leaving the site (join links carry codes). The page's script policy is Next's to set; only
 * `frame-ancestors` is stated here so it cannot break the app's own scripts.
 */
const SECURITY_HEADERS: [string, string][] = [
  ["Content-Security-Policy", "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"],
  ["X-Frame-Options", "DENY"],
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "no-referrer"],
];
