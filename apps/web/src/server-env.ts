import { networkInterfaces } from "node:os";
import { limitsFromEnv } from "@chokepoint/api";

/** The web server's settings from the environment (the only reader of process.env in the app). */
export function serverEnv(argv: string[] = process.argv, env: NodeJS.ProcessEnv = process.env) {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535)
    throw new Error(`PORT must be a port number, got '${env.PORT}'`);
  return {
    port,
    host: env.HOST ?? "0.0.0.0",
    dev: argv.includes("--dev"),
    /** When set, creating and importing exercises ask for it (joining never does). */
    facilitatorPasscode: env.CHOKEPOINT_FACILITATOR_PASSCODE || undefined,
    /** Every limit of SECURITY.md, each settable as CHOKEPOINT_LIMIT_<NAME>. */
    limits: limitsFromEnv(env),
    /** Where phones reach this server, for join links and QR codes. */
    publicUrls: {
      configured: publicUrl(env.CHOKEPOINT_PUBLIC_URL),
      lan: lanUrl(port),
    },
    /** Several processes: pushes between them go through Redis when set (else PostgreSQL's adapter). */
    redisUrl: env.REDIS_URL || undefined,
    /** This process's name in the `X-Chokepoint-Node` response header (README "Scale out"). */
    nodeName: env.CHOKEPOINT_NODE_NAME || undefined,
    /** Behind a balancer: the caller's address comes from X-Forwarded-For (SECURITY.md). */
    trustProxy: env.CHOKEPOINT_TRUST_PROXY === "1",
    /** Set by `server.ts` for its PDF page server (`render-server.ts`): the key its requests carry. */
    renderKey: env.CHOKEPOINT_RENDER_KEY || undefined,
    /**
     * Print pages for PDFs rendered by this process, as before the render-only child (for the
     * PDF benchmark's peer; development always does, sharing its one Next dev server).
     */
    pdfInProcess: env.CHOKEPOINT_PDF_IN_PROCESS === "1",
  };
}

/** The operator's public URL (e.g. behind a proxy), checked: a typo must not reach every QR code. */
function publicUrl(raw: string | undefined): string | null {
  if (!raw?.trim()) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(
      `CHOKEPOINT_PUBLIC_URL must be a URL such as http://192.168.1.20:3000, got '${raw}' / CHOKEPOINT_PUBLIC_URL には http://192.168.1.20:3000 のような URL を指定してください`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new Error(`CHOKEPOINT_PUBLIC_URL must start with http:// or https://, got '${raw}'`);
  return url.origin;
}

/**
 * This machine's address on the local network (the first private IPv4 address of an interface
 * that is up), so a console opened as localhost still shows phones a link they can open.
 */
export function lanUrl(port: number, interfaces = networkInterfaces()): string | null {
  const addresses = Object.values(interfaces)
    .flat()
    .filter((a) => a && a.family === "IPv4" && !a.internal)
    .map((a) => a?.address as string);
  const isPrivate = (ip: string) =>
    /^10\./.test(ip) || /^192\.168\./.test(ip) || /^172\.(1[6-9]|2\d|3[01])\./.test(ip);
  const best = addresses.find(isPrivate) ?? addresses[0];
  return best ? `http://${best}:${port}` : null;
}
