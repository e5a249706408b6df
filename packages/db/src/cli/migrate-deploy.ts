// `pnpm db:migrate`: applies the committed migrations to DATABASE_URL (default ./data/chokepoint.db).
import { databaseUrl } from "../env.ts";
import { migrateDeploy } from "../migrate.ts";

const url = databaseUrl();
migrateDeploy(url);
console.log(`migrations applied to ${url}`);
