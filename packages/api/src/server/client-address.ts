import type { IncomingMessage } from "node:http";

/**
 * The caller's network address, for the per-address throttle on wrong join codes. Behind a
 * balancer every request arrives from the balancer's address, so a few typos in one room
 * would throttle every room; when the operator says a proxy is in front
 * (CHOKEPOINT_TRUST_PROXY=1; apps/web/deploy/haproxy.cfg sends `option forwardfor`), the
 * address the proxy appended last to X-Forwarded-For is used. Only then: without a proxy, a
 * client could write any X-Forwarded-For it likes.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const peer = req.socket.remoteAddress ?? "unknown";
  if (!trustProxy) return peer;
  const header = req.headers["x-forwarded-for"];
  const hops = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  return hops.at(-1) ?? peer;
}
