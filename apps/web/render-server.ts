// The PDF's print pages, served by a child of `server.ts` (`ChildPrintServer`): the same app on
// the same database, reads only, on 127.0.0.1 at a port of its choosing, which it tells its
// parent. No sockets, turn timers or sweeps; every request must carry the parent's key. It exits
// when its parent does. Not started by hand.
import { createAppServer, ScenarioCatalog } from "@chokepoint/api";
import { databaseUrl, openDatabase } from "@chokepoint/db";
import next from "next";
import { serverEnv } from "./src/server-env";

const env = serverEnv();
if (!env.renderKey || !process.send) {
  console.error("render-server.ts is started by server.ts for PDFs, not by hand");
  process.exit(1);
}
const key = env.renderKey;
const send = process.send.bind(process);
// The parent is gone (exited or killed): so is this server.
process.on("disconnect", () => process.exit(0));
// The parent applied the migrations before starting this one.
const db = await openDatabase(databaseUrl());
const app = next({ dev: false, dir: import.meta.dirname });
await app.prepare();
const handle = app.getRequestHandler();
const server = createAppServer({
  db,
  catalog: ScenarioCatalog.builtIn(),
  limits: env.limits,
  publicUrls: env.publicUrls,
  renderOnly: { key },
  fallback: (req, res) => void handle(req, res),
});
server.http.listen({ port: 0, host: "127.0.0.1" }, () => {
  const address = server.http.address();
  if (!address || typeof address !== "object") return;
  console.log(
    `PDF page server (render only, pid ${process.pid}) on http://127.0.0.1:${address.port}`,
  );
  send({ port: address.port });
});
process.on("SIGTERM", () => {
  void server
    .close()
    .then(() => db.$disconnect())
    .finally(() => process.exit(0));
});
