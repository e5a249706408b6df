import { type AppError, refusal } from "@chokepoint/contracts";
import { KeyedQueue } from "./keyed-queue.ts";
import { RateLimit } from "./rate-limit.ts";

/**
 * Throttles guessing a secret (a join code, the facilitator passcode) per network address and
 * for the whole server, so that no request — concurrent, batched or not — makes more guesses
 * than its address has left:
 * - attempts from one address run one at a time, each checked against that address's wrong
 *   guesses before it runs (1,000 requests sent at once made 999 real guesses when the count
 *   was only taken after each attempt finished);
 * - once the server-wide count is full, addresses that guessed wrong in the window wait, but an
 *   address with no wrong guess may still try: a room typing its right code is never refused
 *   for someone else's guesses (a server-wide refusal let one address lock out every room), and
 *   a guesser needs a fresh address for each further guess.
 * Right guesses never count.
 */
export class GuessThrottle {
  private readonly perAddress: RateLimit;
  private readonly everyone: RateLimit;
  private readonly queue = new KeyedQueue();
  constructor(
    limits: { perAddressPerMinute: number; perMinute: number },
    private readonly reason: "too_many_wrong_join_codes" | "too_many_wrong_passcodes",
    now: () => number = Date.now,
  ) {
    this.perAddress = new RateLimit(limits.perAddressPerMinute, 60_000, now);
    this.everyone = new RateLimit(limits.perMinute, 60_000, now);
  }

  guard<T>(address: string, attempt: () => Promise<T>, isWrong: (e: unknown) => boolean) {
    return this.queue.run(address, async () => {
      const own = this.perAddress.peek(address);
      const all = this.perAddress.count(address) > 0 ? this.everyone.peek("*") : 0;
      const wait = Math.max(own, all);
      if (wait > 0) throw this.refusal(wait);
      try {
        return await attempt();
      } catch (e) {
        if (isWrong(e)) {
          this.perAddress.take(address);
          this.everyone.take("*");
        }
        throw e;
      }
    });
  }

  private refusal(waitMs: number): AppError {
    return refusal(this.reason, { seconds: Math.ceil(waitMs / 1000) }, { retryAfterMs: waitMs });
  }
}
