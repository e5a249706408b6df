// Several real server processes on PostgreSQL behind the shipped HAProxy config, on loopback:
// for the scale-out test and `pnpm bench:load`'s multi-process mode. Everything it starts —
// the PostgreSQL cluster, the servers, the balancer — is stopped by `stop()`, and also when
// this process exits, so a failed run leaves nothing behind.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { migrateDeploy } from "@chokepoint/db";
import {
  freePort,
  startThrowawayCluster,
  type ThrowawayCluster,
} from "@chokepoint/db/throwaway-cluster";

const API_DIR = join(import.meta.dirname, "..");
const SERVER = join(API_DIR, "src", "server", "serve-api-only.ts");
const HAPROXY_CFG = join(API_DIR, "..", "..", "apps", "web", "deploy", "haproxy.cfg");

export interface ServerNode {
  name: string;
  port: number;
  url: string;
  process: ChildProcess;
  /** What the process wrote to stderr (for a failing test's message). */
  log(): string;
}

export interface MultiProcessStack {
  /** The balancer's URL: what clients use. */
  url: string;
  databaseUrl: string;
  nodes: ServerNode[];
  cluster: ThrowawayCluster;
  /** What HAProxy last wrote (server up/down notices). */
  balancerLog(): string;
  /** The node the balancer sends an exercise's calls to (by the X-Chokepoint-Node header). */
  ownerOf(exerciseId: string): Promise<ServerNode>;
  stop(): Promise<void>;
}

/** Starts a server process on a database and resolves when it listens. */
export async function startServer(
  name: string,
  databaseUrl: string,
  opts: {
    redisUrl?: string;
    nodeArgs?: string[];
    trustProxy?: boolean;
    groupCommit?: boolean;
    /** Further arguments for serve-api-only (e.g. `--previous-write-path`). */
    serverArgs?: string[];
  } = {},
): Promise<ServerNode> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      ...(opts.nodeArgs ?? []),
      "--import",
      "tsx",
      SERVER,
      String(port),
      databaseUrl,
      name,
      ...(opts.redisUrl ? [`--redis=${opts.redisUrl}`] : []),
      ...(opts.trustProxy ? ["--trust-proxy"] : []),
      ...(opts.groupCommit === false ? ["--no-group-commit"] : []),
      ...(opts.serverArgs ?? []),
    ],
    { cwd: API_DIR, stdio: ["ignore", "pipe", "pipe"] },
  );
  let err = "";
  child.stderr?.on("data", (d) => {
    err += d;
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (d) => String(d).includes("READY") && resolve());
    child.once("exit", (code) => reject(new Error(`server ${name} exited (${code}): ${err}`)));
  });
  return { name, port, url: `http://127.0.0.1:${port}`, process: child, log: () => err };
}

/**
 * PostgreSQL (a throwaway cluster, migrated once as a deploy would: `migrateDeploy`), two
 * server processes and HAProxy with apps/web/deploy/haproxy.cfg in front of them.
 */
export async function startMultiProcessStack(
  opts: {
    fsync?: boolean;
    /** Further arguments for each server process (e.g. `--profile-on-signal=<dir>`). */
    serverArgs?: string[];
  } = {},
): Promise<MultiProcessStack> {
  const haproxy = spawnSync("sh", ["-c", "command -v haproxy"], { encoding: "utf8" }).stdout.trim();
  if (!haproxy)
    throw new Error(
      "HAProxy was not found: install it with `apt-get install -y haproxy` (`.ci/run` does)",
    );
  const children: ChildProcess[] = [];
  const killAll = () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  };
  process.on("exit", killAll);
  const cluster = await startThrowawayCluster({ fsync: opts.fsync ?? false });
  try {
    const databaseUrl = await cluster.createDatabase("chokepoint");
    migrateDeploy(databaseUrl);
    const nodes = await Promise.all(
      ["node1", "node2"].map((n) =>
        startServer(n, databaseUrl, {
          trustProxy: true,
          ...(opts.serverArgs ? { serverArgs: opts.serverArgs } : {}),
        }),
      ),
    );
    children.push(...nodes.map((n) => n.process));
    const listen = await freePort();
    const balancer = spawn(haproxy, ["-db", "-f", HAPROXY_CFG], {
      env: {
        ...process.env,
        CHOKEPOINT_LISTEN: `127.0.0.1:${listen}`,
        CHOKEPOINT_NODE1: `127.0.0.1:${nodes[0]?.port}`,
        CHOKEPOINT_NODE2: `127.0.0.1:${nodes[1]?.port}`,
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    // Read what it says (a full pipe would stall it); the last part is kept for diagnosis.
    let balancerLog = "";
    balancer.stderr?.on("data", (d) => {
      balancerLog = (balancerLog + d).slice(-20_000);
    });
    children.push(balancer);
    const url = `http://127.0.0.1:${listen}`;
    const nodeAnswering = async (exerciseId: string): Promise<string | null> => {
      const r = await fetch(`${url}/healthz`, { headers: { "x-exercise-id": exerciseId } });
      return r.ok ? r.headers.get("x-chokepoint-node") : null;
    };
    // Ready when the balancer has reached both processes (its health checks passed).
    const deadline = Date.now() + 20_000;
    for (const seen = new Set<string | null>(); seen.size < 2 || seen.has(null); ) {
      if (Date.now() > deadline) throw new Error("the balancer did not reach both servers in 20 s");
      seen.clear();
      for (let i = 0; i < 8; i++) seen.add(await nodeAnswering(`probe-${i}`).catch(() => null));
      if (seen.size < 2) await new Promise((r) => setTimeout(r, 200));
    }
    const stop = async () => {
      process.off("exit", killAll);
      balancer.kill("SIGKILL");
      await Promise.all(
        nodes.map(
          (n) =>
            new Promise<void>((resolve) => {
              if (n.process.exitCode !== null || n.process.signalCode !== null) return resolve();
              const hard = setTimeout(() => n.process.kill("SIGKILL"), 3000);
              n.process.once("exit", () => {
                clearTimeout(hard);
                resolve();
              });
              n.process.kill("SIGTERM");
            }),
        ),
      );
      cluster.stop();
    };
    return {
      url,
      databaseUrl,
      nodes,
      cluster,
      stop,
      balancerLog: () => balancerLog,
      async ownerOf(exerciseId) {
        const name = await nodeAnswering(exerciseId);
        const node = nodes.find((n) => n.name === name);
        if (!node) throw new Error(`no server answered for exercise ${exerciseId}`);
        return node;
      },
    };
  } catch (e) {
    process.off("exit", killAll);
    killAll();
    cluster.stop();
    throw e;
  }
}
