import { isAppError } from "@chokepoint/contracts";
import type { Limits } from "../limits.ts";
import { GuessThrottle } from "./guess-throttle.ts";

/**
 * Throttles guessing of join codes (`GuessThrottle`): wrong codes count per network address
 * and for the whole server. Correct codes never count, so a room of 60 joining at once is not
 * refused.
 */
export class JoinGuard {
  private readonly throttle: GuessThrottle;
  constructor(limits: Limits["join"], now: () => number = Date.now) {
    this.throttle = new GuessThrottle(
      {
        perAddressPerMinute: limits.wrongCodesPerAddressPerMinute,
        perMinute: limits.wrongCodesPerMinute,
      },
      "too_many_wrong_join_codes",
      now,
    );
  }

  guard<T>(address: string, attempt: () => Promise<T>): Promise<T> {
    return this.throttle.guard(address, attempt, (e) => isAppError(e, "bad_join_code"));
  }
}
