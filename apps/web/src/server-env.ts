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
    /** Several processes: pushes between them go through Redis when set (else PostgreSQL's adapter). */
    redisUrl: env.REDIS_URL || undefined,
    /** This process's name in the `X-Chokepoint-Node` response header (README "Scale out"). */
    nodeName: env.CHOKEPOINT_NODE_NAME || undefined,
    /** Behind a balancer: the caller's address comes from X-Forwarded-For (SECURITY.md). */
    trustProxy: env.CHOKEPOINT_TRUST_PROXY === "1",
  };
}
