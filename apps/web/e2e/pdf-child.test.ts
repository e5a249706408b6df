import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { getPriority, tmpdir } from "node:os";
import { join } from "node:path";
import type { AppRouter } from "@chokepoint/api";
import { createTRPCClient, httpLink } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PDF_NICENESS } from "../src/server/pdf-chromium";
import { freePort, ServerProcess } from "./harness.ts";

let server: ServerProcess;
/** Killed by the test itself (a SIGKILLed process has no exit code for `stop` to see). */
let killed = false;
beforeAll(async () => {
  server = ServerProcess.fresh(await freePort());
  await server.start();
});
afterAll(async () => {
  if (!killed) await server.stop();
});

const client = (token?: string) =>
  createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${server.url}/api/trpc`,
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
      }),
    ],
  });

/** A 2010 exercise played three turns through the API: JOGMEC buys dysprosium each turn. */
async function playedExercise() {
  const { joinCode, token } = await client().exercise.create.mutate({
    scenarioId: "rare-earth-2010",
    seed: 2010,
    facilitatorName: "Sato",
    teams: ["meti", "jogmec"],
  });
  const jogmec = await client().exercise.join.mutate({
    joinCode,
    displayName: "Ben",
    team: "jogmec",
  });
  await client(token).facilitator.control.mutate({ action: "start" });
  for (let turn = 0; turn < 3; turn++) {
    await client(jogmec.token).exercise.lock.mutate({
      turn,
      actions: [{ op: "buy", lever: "jogmec_dy_stockpile", tonnes: 5 }],
    });
    const v = await client(token).exercise.view.query();
    if (v.session.turn === turn) await client(token).facilitator.advance.mutate({ turn });
  }
  return token;
}

async function pdfText(res: Response): Promise<string> {
  expect(res.status).toBe(200);
  const pdf = Buffer.from(await res.arrayBuffer());
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const file = join(mkdtempSync(join(tmpdir(), "chokepoint-pdf-child-")), "aar.pdf");
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replaceAll(
    /\s+/g,
    " ",
  );
}

/** The render-only child's pid and address, from the line it logs when it listens. */
function childServers(): { pid: number; url: string }[] {
  return [...server.log.matchAll(/PDF page server \(render only, pid (\d+)\) on (http:\S+)/g)].map(
    (m) => ({ pid: Number(m[1]), url: m[2] as string }),
  );
}

/** Whether a process of that pid is still running. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The niceness of every thread of a process, from /proc. */
function threadNiceness(pid: number): number[] {
  return readdirSync(`/proc/${pid}/task`).map((tid) => {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
  });
}

describe("PDFs print from a render-only child server, not from the serving process", () => {
  it("four PDFs at once (ja and en) come from one child, below the server's priority, which reads only with its parent's key and dies with it", async () => {
    const token = await playedExercise();
    const aar = (lang: string) =>
      fetch(`${server.url}/export/aar.pdf?lang=${lang}`, {
        headers: { authorization: `Bearer ${token}` },
      }).then(pdfText);
    const [en, ja, en2, ja2] = await Promise.all([aar("en"), aar("ja"), aar("en"), aar("ja")]);
    for (const s of ["After-action report", "Sato", "JOGMEC", "Ben", "bought 5 t for"])
      expect(en, s).toContain(s);
    for (const s of ["演習報告書", "Sato", "Ben"]) expect(ja, s).toContain(s);
    // The same exercise printed twice at once reads the same.
    expect(en2).toBe(en);
    expect(ja2).toBe(ja);
    // One child for all four, started with the server and reused.
    const children = childServers();
    expect(children).toHaveLength(1);
    const child = children[0] as { pid: number; url: string };
    // Every thread of it (its workers too) below this server's priority (`nice` adds, up to 19).
    const want = Math.min(19, getPriority() + PDF_NICENESS);
    expect(new Set(threadNiceness(child.pid))).toEqual(new Set([want]));

    // Without the parent's key the child answers nothing, not even with a reviewer's token.
    const asked = (path: string, init: RequestInit = {}) =>
      fetch(`${child.url}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${token}`, ...init.headers },
      });
    expect((await asked("/api/trpc/review.timeline")).status).toBe(403);
    expect((await asked("/review/print?lang=en")).status).toBe(403);
    expect(
      (
        await asked("/api/trpc/review.timeline", {
          headers: { "x-chokepoint-render-key": "guess" },
        })
      ).status,
    ).toBe(403);
    const write = await asked("/api/trpc/review.saveNote", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ noteId: "note-child-0001", turn: 0, body: "x" }),
    });
    expect(write.status).toBe(403);
    // A wrong token is refused by the serving process before any page is printed.
    const forbidden = await fetch(`${server.url}/export/aar.pdf`, {
      headers: { authorization: "Bearer nobody-has-this-token" },
    });
    expect(forbidden.status).toBe(403);

    // The serving process killed outright: its child goes with it.
    await server.kill9();
    killed = true;
    await expect.poll(() => alive(child.pid), { timeout: 30_000, interval: 200 }).toBe(false);
  });
});
