// PDFs beside play: on one SQLite server process (the real `server.ts`, Next and Chromium),
// other exercises' participants lock steadily while four AAR PDFs of a 40,000-event exercise
// are made at once. Prints the locks' p50/p99 (send → answer) and the server's event-loop delay
// (`monitorEventLoopDelay`, in the server) for play alone and for play with the four PDFs, in two
// runs: print pages from the render-only child ("child", now) and from the serving process
// itself ("in-process", as before). The delay includes CPU contention: read it beside the load.
//   pnpm --filter @chokepoint/web bench:pdf [events=40000]
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import type { ExportedExercise } from "@chokepoint/contracts";
// @ts-expect-error — a plain .mjs build script shared with `pnpm start`
import { buildIfNeeded, root } from "../scripts/build-if-needed.mjs";

const EVENTS = Number(process.argv[2] ?? 40_000);
const EXERCISES = 20;
const PER_EXERCISE = 5;
/** Each participant locks every this many ms (the lock limit is 30 a minute). */
const LOCK_EVERY_MS = 3_000;
const QUIET_MS = 20_000;

type Server = { url: string; child: ChildProcess };
async function start(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "chokepoint-bench-pdf-"));
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(root, "server.ts"), "--bench-loop-delay"],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(port),
        HOST: "127.0.0.1",
        DATABASE_URL: `file:${join(dir, "bench.db")}`,
        NEXT_TELEMETRY_DISABLED: "1",
        ...env,
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; ) {
    if (
      await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, child };
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("server did not start in 120 s");
}

async function call<T>(s: Server, path: string, token?: string, input?: unknown): Promise<T> {
  const res = await fetch(`${s.url}/api/trpc/${path}`, {
    method: input === undefined ? "GET" : "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(input === undefined
      ? {}
      : { body: typeof input === "string" ? input : JSON.stringify(input) }),
  });
  const j = (await res.json()) as { result?: { data: T }; error?: unknown };
  if (!j.result) throw new Error(`${path}: ${JSON.stringify(j.error).slice(0, 300)}`);
  return j.result.data;
}

type Created = { sessionId: string; joinCode: string; token: string };
async function exercise(s: Server, players: number) {
  const c = await call<Created>(s, "exercise.create", undefined, {
    scenarioId: "rare-earth-2010",
    seed: 1,
    facilitatorName: "F",
    teams: ["meti", "jogmec"],
  });
  const tokens: string[] = [];
  // One member of the other team, who never locks, so the turn stays open.
  await call(s, "exercise.join", undefined, {
    joinCode: c.joinCode,
    displayName: "Idle",
    team: "meti",
  });
  for (let i = 0; i < players; i++) {
    const p = await call<{ token: string }>(s, "exercise.join", undefined, {
      joinCode: c.joinCode,
      displayName: `P${i}`,
      team: "jogmec",
    });
    tokens.push(p.token);
  }
  await call(s, "facilitator.control", c.token, { action: "start" });
  return { ...c, players: tokens };
}

/** The long exercise: one lock repeated to `EVENTS` events, imported (the long-log bench's way). */
async function longExercise(s: Server): Promise<string> {
  const ex = await exercise(s, 1);
  await call(s, "exercise.lock", ex.players[0], { turn: 0, actions: [] });
  const file = await call<ExportedExercise>(s, "review.exportJson", ex.token);
  const lock = file.events.find((e) => e.event.type === "decisions_locked");
  if (!lock) throw new Error("no lock");
  const before = file.events.slice(0, file.events.indexOf(lock));
  const events = [...before, ...Array.from({ length: EVENTS }, () => ({ ...lock }))].map(
    (e, i) => ({ ...e, seq: i + 1 }),
  );
  const body = JSON.stringify({ facilitatorName: "Imp", exercise: { ...file, events } });
  return (await call<{ token: string }>(s, "review.importJson", undefined, body)).token;
}

/** Every participant locks every `LOCK_EVERY_MS` (spread out) until `until` settles. */
async function play(s: Server, players: string[], until: Promise<unknown>) {
  const ms: number[] = [];
  let errors = 0;
  let firstError = "";
  let done = false;
  void until.finally(() => {
    done = true;
  });
  await Promise.all(
    players.map(async (token, i) => {
      await new Promise((r) => setTimeout(r, (i * LOCK_EVERY_MS) / players.length));
      while (!done) {
        const t0 = performance.now();
        await call(s, "exercise.lock", token, { turn: 0, actions: [] }).then(
          () => ms.push(performance.now() - t0),
          (e: Error) => {
            errors++;
            firstError ||= e.message;
          },
        );
        await new Promise((r) => setTimeout(r, LOCK_EVERY_MS));
      }
    }),
  );
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] ?? Number.NaN;
  if (firstError) console.log(`  (first lock error: ${firstError})`);
  return { locks: ms.length, errors, p50: at(0.5), p99: at(0.99) };
}

const loopDelay = (s: Server) =>
  fetch(`${s.url}/bench/loop-delay`).then(
    (r) => r.json() as Promise<{ p50: number; p99: number; max: number }>,
  );

async function run(name: string, env: Record<string, string>) {
  const s = await start(env);
  try {
    const long = await longExercise(s);
    const players = (
      await Promise.all(Array.from({ length: EXERCISES }, () => exercise(s, PER_EXERCISE)))
    ).flatMap((e) => e.players);
    // Warm-up: the PDF path once (Chromium, and the child server where there is one).
    const warm = await fetch(`${s.url}/export/aar.pdf?lang=en`, {
      headers: { authorization: `Bearer ${long}` },
    });
    await warm.arrayBuffer();
    await loopDelay(s);
    const quiet = await play(s, players, new Promise((r) => setTimeout(r, QUIET_MS)));
    const quietLoop = await loopDelay(s);
    const t0 = performance.now();
    const pdfs = Promise.all(
      ["en", "ja", "en", "ja"].map(async (lang) => {
        const r = await fetch(`${s.url}/export/aar.pdf?lang=${lang}`, {
          headers: { authorization: `Bearer ${long}` },
        });
        return { status: r.status, bytes: (await r.arrayBuffer()).byteLength };
      }),
    );
    const withPdfs = await play(s, players, pdfs);
    const pdfLoop = await loopDelay(s);
    const made = await pdfs;
    const took = (performance.now() - t0) / 1000;
    const statuses = made.map((m) => m.status).join(",");
    const f = (n: number) => n.toFixed(0).padStart(5);
    console.log(
      `${name.padEnd(10)} play alone:  locks ${String(quiet.locks).padStart(4)} p50 ${f(quiet.p50)} p99 ${f(quiet.p99)} ms; server loop p99 ${f(quietLoop.p99)} max ${f(quietLoop.max)} ms`,
    );
    console.log(
      `${"".padEnd(10)} + 4 PDFs:    locks ${String(withPdfs.locks).padStart(4)} p50 ${f(withPdfs.p50)} p99 ${f(withPdfs.p99)} ms; server loop p99 ${f(pdfLoop.p99)} max ${f(pdfLoop.max)} ms; PDFs ${statuses} in ${took.toFixed(1)} s (${made.map((m) => `${(m.bytes / 1024).toFixed(0)} kB`).join(", ")})${withPdfs.errors + quiet.errors ? `; ${withPdfs.errors + quiet.errors} lock errors` : ""}`,
    );
  } finally {
    const gone = new Promise((r) => s.child.once("exit", r));
    s.child.kill("SIGTERM");
    await gone;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

buildIfNeeded();
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(", ");
console.log(
  `load average ${load()}; ${EXERCISES} exercises × ${PER_EXERCISE} participants locking every ${LOCK_EVERY_MS / 1000} s; four AAR PDFs of one ${EVENTS}-event exercise at once`,
);
await run("child", {});
await run("in-process", { CHOKEPOINT_PDF_IN_PROCESS: "1" });
console.log(`load average ${load()} at the end`);
process.exit(0);
