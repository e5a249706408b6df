import { createAdapter as createPostgresAdapter } from "@socket.io/postgres-adapter";
import { createAdapter as createRedisAdapter } from "@socket.io/redis-adapter";
import pg from "pg";
import { createClient } from "redis";
import { deliverInOrder, type OrderedAdapter } from "./cluster-order.ts";
import { crossOnlyWhereListened, type HeartbeatAdapter } from "./cluster-presence.ts";

/** A socket.io adapter that carries pushes between server processes, and how to let it go. */
export interface ClusterAdapter {
  kind: "postgres" | "redis";
  // socket.io's own type for an adapter constructor is `typeof Adapter`; both packages return a
  // factory of their subclass, which socket.io accepts.
  adapter: ReturnType<typeof createPostgresAdapter> | ReturnType<typeof createRedisAdapter>;
  close(): Promise<void>;
}

/**
 * The fan-out for several server processes, or none for one process: Redis when REDIS_URL is
 * set (the lowest added latency), else PostgreSQL's LISTEN/NOTIFY when the log is on
 * PostgreSQL (nothing more to run; its attachments table comes with the migrations), else
 * undefined — one process on SQLite needs no adapter.
 */
export async function clusterAdapter(opts: {
  databaseUrl: string;
  redisUrl?: string | undefined;
  /** Every push goes to every process, as before `crossOnlyWhereListened` (benchmarks compare). */
  everyPushCrosses?: boolean;
}): Promise<ClusterAdapter | undefined> {
  if (opts.redisUrl) {
    const pub = createClient({ url: opts.redisUrl });
    const sub = pub.duplicate();
    for (const c of [pub, sub]) c.on("error", (e: unknown) => console.error("redis adapter:", e));
    await Promise.all([pub.connect(), sub.connect()]);
    return {
      kind: "redis",
      adapter: createRedisAdapter(pub, sub),
      close: async () => {
        await Promise.all([pub.quit(), sub.quit()]);
      },
    };
  }
  if (/^postgres(ql)?:\/\//.test(opts.databaseUrl)) {
    // A small pool of its own: one connection LISTENs, the others NOTIFY and fetch large pushes.
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 8 });
    // A dropped connection must not crash the server; the adapter reconnects by itself.
    pool.on("error", (e) => console.error("postgres adapter:", e.message));
    const postgres = createPostgresAdapter(pool, {
      errorHandler: (e) => console.error("postgres adapter:", e.message),
    });
    // Each namespace's adapter sends a push to another process only when that process has a
    // socket of its exercise (cluster-presence.ts), and messages arrive in the order they were
    // sent (cluster-order.ts).
    // biome-ignore lint/complexity/useArrowFunction: socket.io calls it with `new` (an arrow function cannot be), and takes the adapter it returns
    const adapter = function (nsp: Parameters<typeof postgres>[0]) {
      const a = postgres(nsp);
      if (!opts.everyPushCrosses) {
        crossOnlyWhereListened(a as unknown as HeartbeatAdapter);
        // After the presence notices' handler, so they are taken in order too.
        deliverInOrder(a as unknown as OrderedAdapter);
      }
      return a;
    } as typeof postgres;
    return { kind: "postgres", adapter, close: () => pool.end() };
  }
  return undefined;
}
