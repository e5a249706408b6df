import type { LeverAction } from "../decisions/action-schema.ts";
import type { LeverKind } from "../scenario/lever-schema.ts";

export type LeverOp = LeverAction["op"];

/**
 * What a team may do with each kind of lever: a stockpile buys and releases; every other
 * kind is activated once and then plays out as a project. A table keyed by every kind, so a
 * new kind does not compile until it says how teams use it (the engine's checks, the
 * server's draft rules and the decision form all read it).
 */
export const LEVER_OPS = {
  stockpile: ["buy", "release"],
  diversify: ["activate"],
  substitute: ["activate"],
  recycle: ["activate"],
  allied_offtake: ["activate"],
  demand_procurement: ["activate"],
  export_control: ["activate"],
  investment_screening: ["activate"],
  wto_case: ["activate"],
} as const satisfies Record<LeverKind, readonly LeverOp[]>;

/** Whether a lever of this kind takes this op. */
export function leverTakes(kind: LeverKind, op: LeverOp): boolean {
  return (LEVER_OPS[kind] as readonly LeverOp[]).includes(op);
}

/**
 * The `default` of a switch over lever kinds: a kind that reaches it is a compile error
 * (its argument is `never` only when every kind has a case).
 */
export function unhandledKind(lever: never): never {
  throw new Error(
    `lever kind '${(lever as { kind?: string }).kind}' is not handled here; add a case for it`,
  );
}
