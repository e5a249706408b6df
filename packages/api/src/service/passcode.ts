import { createHash, timingSafeEqual } from "node:crypto";
import { isAppError, refusal } from "@chokepoint/contracts";
import { DEFAULT_LIMITS, type Limits } from "../limits.ts";
import { GuessThrottle } from "./guess-throttle.ts";

/**
 * The optional facilitator passcode: when the operator sets one, creating and importing
 * exercises need it (joining never does). Compared in constant time; wrong passcodes are
 * throttled per address and for the whole server like join codes (it could be guessed at
 * 384 a second before).
 */
export class FacilitatorPasscode {
  private readonly digest: Buffer | undefined;
  private readonly throttle: GuessThrottle;
  constructor(
    passcode: string | undefined,
    limits: Limits["passcode"] = DEFAULT_LIMITS.passcode,
    now: () => number = Date.now,
  ) {
    this.digest = passcode ? sha256(passcode) : undefined;
    this.throttle = new GuessThrottle(
      { perAddressPerMinute: limits.wrongPerAddressPerMinute, perMinute: limits.wrongPerMinute },
      "too_many_wrong_passcodes",
      now,
    );
  }
  get required(): boolean {
    return this.digest !== undefined;
  }

  /** Refuses a missing or wrong passcode (when one is set); `address` is the caller's, for the throttle. */
  async check(given: string | undefined, address: string): Promise<void> {
    const digest = this.digest;
    if (!digest) return;
    if (given === undefined || given === "") throw refusal("passcode_required", {});
    await this.throttle.guard(
      address,
      async () => {
        if (!timingSafeEqual(sha256(given), digest)) throw refusal("passcode_wrong", {});
      },
      (e) => isAppError(e, "forbidden"),
    );
  }
}

function sha256(s: string): Buffer {
  return createHash("sha256").update(s, "utf8").digest();
}
