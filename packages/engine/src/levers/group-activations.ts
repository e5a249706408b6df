import type { LeverAction } from "../decisions/action-schema.ts";

type Activate = Extract<LeverAction, { op: "activate" }>;

/** One project to start this turn, and who pays for it. */
export interface Activation {
  /** The team that leads it: the first of its funders in id order. */
  team: string;
  action: Activate;
  /** Each funding team's share of the project's costs (summing to 1), in team id order. */
  shares: { team: string; share: number }[];
}

/**
 * Gathers the turn's `activate` actions into one project per lever. When several teams start
 * the same lever in the same turn they co-fund one project rather than build it twice: it
 * runs at the largest scale any of them asked for, it draws its success once, and each team
 * pays in proportion to the scale it asked for. (Two Mt Welds, or a thrift programme counted
 * twice, would not exist: the technology and the deposit are one.)
 *
 * `teams` must be in id order, so the PRNG draws do not depend on the order teams locked in.
 * @example groupActivations(["a", "b"], { a: [act], b: [act] }) // one Activation, shares ½ ½
 */
export function groupActivations(
  teams: readonly string[],
  locked: Readonly<Record<string, readonly LeverAction[]>>,
): Activation[] {
  const byLever = new Map<string, { team: string; action: Activate }[]>();
  for (const team of teams)
    for (const a of locked[team] ?? []) {
      if (a.op !== "activate") continue;
      const list = byLever.get(a.lever);
      if (list) list.push({ team, action: a });
      else byLever.set(a.lever, [{ team, action: a }]);
    }
  const out: Activation[] = [];
  for (const list of byLever.values()) {
    const first = list[0] as { team: string; action: Activate };
    if (list.length === 1) {
      out.push({
        team: first.team,
        action: first.action,
        shares: [{ team: first.team, share: 1 }],
      });
      continue;
    }
    let scale = 0;
    let asked = 0;
    for (const x of list) {
      scale = Math.max(scale, x.action.scale);
      asked += x.action.scale;
    }
    out.push({
      team: first.team,
      action: { ...first.action, scale },
      shares: list.map((x) => ({ team: x.team, share: x.action.scale / asked })),
    });
  }
  return out;
}
