// `pnpm db:migrate`: applies the committed migrations to DATABASE_URL (default
// ./data/chokepoint.db). On PostgreSQL run it once per deploy, before starting the servers.
import { redactUrl } from "../dialect.ts";
import { databaseUrl } from "../env.ts";
import { migrateDeploy } from "../migrate.ts";

const url = databaseUrl();
migrateDeploy(url);
console.log(`migrations applied to ${redactUrl(url)}`);
