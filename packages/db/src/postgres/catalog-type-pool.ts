import pg from "pg";

/** PostgreSQL's type OIDs involved: the catalog types `"char"` and `name`, reported as `text`. */
const CHAR = 18;
const NAME = 19;
const TEXT = 25;

type Fields = { fields?: { dataTypeID: number }[] } | undefined;

/** pg has already parsed `name` and `"char"` values as strings; only their type id is changed. */
function asText<R extends Fields>(result: R): R {
  for (const f of result?.fields ?? [])
    if (f.dataTypeID === CHAR || f.dataTypeID === NAME) f.dataTypeID = TEXT;
  return result;
}

/**
 * A `pg` client that reports columns of the catalog types `name` (OID 19) and `"char"` (OID 18)
 * as `text`. `@prisma/adapter-pg` 6.19.3 maps neither type, and Prisma's WASM schema engine
 * reads such columns from pg_catalog, so `migrate deploy` and `migrate status` fail with
 * "Column type 'name' could not be deserialized" (open upstream: prisma/orm#27403). Wrapping
 * the client leaves node_modules untouched. Results arrive either through a callback (pg.Pool's
 * own `query`) or a promise (a checked-out client in a transaction); both are covered.
 */
class CatalogTypeClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's query has a dozen overloads; arguments pass through unchanged.
  override query(...args: any[]): any {
    const last = args.at(-1);
    if (typeof last === "function")
      args[args.length - 1] = (err: Error | null, res: Fields) => last(err, asText(res));
    // biome-ignore lint/suspicious/noExplicitAny: see above.
    const r = (super.query as (...a: any[]) => any)(...args);
    return r && typeof r.then === "function" ? r.then(asText) : r;
  }
}

/**
 * A pool for `new PrismaPg(pool)` in the Prisma CLI's config (prisma/postgres/prisma.config.ts).
 * The application's own queries do not need it (they read no catalog columns).
 */
export function catalogTypePool(connectionString: string): pg.Pool {
  // allowExitOnIdle: the CLI exits when its work is done instead of waiting out the pool's 10 s
  // idle timeout (Prisma does not end a pool it was given).
  return new pg.Pool({
    connectionString,
    Client: CatalogTypeClient,
    allowExitOnIdle: true,
    idleTimeoutMillis: 100,
  });
}
