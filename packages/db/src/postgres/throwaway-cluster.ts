import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

/**
 * A PostgreSQL cluster of its own in a temp folder, on loopback, from Debian's `postgresql-15`
 * binaries: for tests and the load benchmark (real Postgres, nothing shared with the machine's
 * own server). `stop()` ends it and deletes the folder; it also runs when the process exits,
 * so a failed test run leaves no server behind.
 */
export interface ThrowawayCluster {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  /** A new database in the cluster, empty or a copy of `template`; its URL. */
  createDatabase(name: string, template?: string): Promise<string>;
  stop(): void;
}

const INSTALL_HINT =
  "PostgreSQL's server binaries were not found: install them with `apt-get install -y postgresql-15` (`.ci/run` does) or set PG_BINDIR";

/** Where initdb, pg_ctl and postgres are: PG_BINDIR, Debian's /usr/lib/postgresql/<v>/bin, or PATH. */
export function postgresBinDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PG_BINDIR) return env.PG_BINDIR;
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, "bin", "pg_ctl")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) return join(root, versions[0], "bin");
  const which = spawnSync("sh", ["-c", "command -v pg_ctl"], { encoding: "utf8" });
  const found = which.stdout.trim();
  if (which.status === 0 && found) return join(found, "..");
  throw new Error(INSTALL_HINT);
}

/** A free TCP port on loopback (asked of the kernel, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      const port = typeof address === "object" && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts a cluster. PostgreSQL refuses to run as root, so when this process is root the
 * cluster's folder is given to the `postgres` user and the binaries run as that user (runuser).
 * `fsync: false` suits tests (a killed process loses nothing either way; only a machine crash
 * would); benchmarks keep fsync on to compare fairly with SQLite's synchronous=FULL.
 */
export async function startThrowawayCluster(
  opts: { fsync?: boolean; maxConnections?: number } = {},
): Promise<ThrowawayCluster> {
  const bin = postgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), "chokepoint-pg-"));
  const data = join(dir, "data");
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const user = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    const group = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
    if (user.status !== 0)
      throw new Error(
        `running as root needs the 'postgres' user to own the cluster. ${INSTALL_HINT}`,
      );
    chownSync(dir, Number(user.stdout.trim()), Number(group.stdout.trim()));
  }
  const run = (cmd: string, args: string[]) => {
    const [file, argv] = asRoot
      ? ["runuser", ["-u", "postgres", "--", join(bin, cmd), ...args]]
      : [join(bin, cmd), args];
    execFileSync(file, argv, { stdio: ["ignore", "pipe", "pipe"], cwd: dir });
  };
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C"]);
  const port = await freePort();
  const settings = [
    `-p ${port}`,
    "-h 127.0.0.1",
    `-k ${dir}`,
    `-c max_connections=${opts.maxConnections ?? 200}`,
    `-c fsync=${opts.fsync === false ? "off" : "on"}`,
  ].join(" ");
  run("pg_ctl", ["-D", data, "-o", settings, "-l", join(dir, "server.log"), "-w", "start"]);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    process.off("exit", stop);
    try {
      run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  process.on("exit", stop);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    stop,
    createDatabase: (name, template) => createDatabase(url, name, template),
  };
}

/**
 * Creates a database beside the one `adminUrl` names — empty, or a copy of `template` (a
 * database already migrated once, much faster than running the migrations again) — and
 * returns its URL.
 */
export async function createDatabase(
  adminUrl: string,
  name: string,
  template?: string,
): Promise<string> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name))
    throw new Error(`not a plain database name: '${name}'`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    if (template && !/^[a-z_][a-z0-9_]{0,62}$/.test(template))
      throw new Error(`not a plain database name: '${template}'`);
    await client.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
