import { createHash, timingSafeEqual } from "node:crypto";
import { AppError } from "@chokepoint/contracts";

/**
 * The optional facilitator passcode: when the operator sets one, creating and importing
 * exercises need it (joining never does). Compared in constant time.
 */
export class FacilitatorPasscode {
  private readonly digest: Buffer | undefined;
  constructor(passcode: string | undefined) {
    this.digest = passcode ? sha256(passcode) : undefined;
  }
  get required(): boolean {
    return this.digest !== undefined;
  }
  check(given: string | undefined): void {
    if (!this.digest) return;
    if (given === undefined || given === "")
      throw new AppError(
        "forbidden",
        "passcode: this server asks for the facilitator passcode to create or import an exercise",
        undefined,
        "パスコード：このサーバーでは、演習の作成と読み込みにファシリテーター用パスコードが必要です",
      );
    if (!timingSafeEqual(sha256(given), this.digest))
      throw new AppError(
        "forbidden",
        "passcode: the facilitator passcode is not right",
        undefined,
        "パスコード：ファシリテーター用パスコードが違います",
      );
  }
}

function sha256(s: string): Buffer {
  return createHash("sha256").update(s, "utf8").digest();
}
