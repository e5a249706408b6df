import { AppError, isAppError } from "@chokepoint/contracts";
import type { Limits } from "../limits.ts";
import { RateLimit } from "./rate-limit.ts";

/**
 * Throttles guessing of join codes: wrong codes count per network address and for the whole
 * server; once either has too many in the last minute, join attempts from there (or from
 * anyone) wait. Correct codes never count, so a room of 60 joining at once is not slowed.
 */
export class JoinGuard {
  private readonly perAddress: RateLimit;
  private readonly everyone: RateLimit;
  constructor(limits: Limits["join"], now: () => number = Date.now) {
    this.perAddress = new RateLimit(limits.wrongCodesPerAddressPerMinute, 60_000, now);
    this.everyone = new RateLimit(limits.wrongCodesPerMinute, 60_000, now);
  }

  async guard<T>(address: string, attempt: () => Promise<T>): Promise<T> {
    const wait = Math.max(this.perAddress.peek(address), this.everyone.peek("*"));
    if (wait > 0)
      throw new AppError(
        "rate_limited",
        `too many wrong join codes; try again in ${Math.ceil(wait / 1000)} s`,
        undefined,
        `間違った参加コードが多すぎます。${Math.ceil(wait / 1000)}秒後にもう一度お試しください`,
      );
    try {
      return await attempt();
    } catch (e) {
      if (isAppError(e, "bad_join_code")) {
        this.perAddress.take(address);
        this.everyone.take("*");
      }
      throw e;
    }
  }
}
