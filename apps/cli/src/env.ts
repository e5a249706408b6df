import { resolve } from "node:path";

/**
 * Paths on the command line are relative to where the user typed the command. Through
 * `pnpm cli …` the script runs inside apps/cli, and pnpm passes the original directory as
 * INIT_CWD. The only reader of process.env in the CLI.
 */
export function userPath(p: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), p);
}
