// The API server alone (tRPC + socket.io, no Next.js) on a fresh SQLite file, for the load benchmark.
// argv: port databaseUrl
import { databaseUrl, migrateDeploy, openDatabase } from "@chokepoint/db";
import { ScenarioCatalog } from "../src/scenario-catalog.ts";
import { createAppServer } from "../src/server/create-app-server.ts";

const [port, url] = process.argv.slice(2);
if (!port || !url) throw new Error("usage: load-server <port> <databaseUrl>");
const dbUrl = databaseUrl({ DATABASE_URL: url });
migrateDeploy(dbUrl);
const db = await openDatabase(dbUrl);
const server = createAppServer({ db, catalog: ScenarioCatalog.builtIn() });
server.http.listen(Number(port), "127.0.0.1", () => process.stdout.write("READY\n"));
process.on("SIGTERM", () => process.exit(0));
