import type { Cause, TurnResult } from "../model/state.ts";
import type { Locale } from "../scenario/text.ts";
import { type Explanation, explainTurn } from "./explain-turn.ts";

// The model as `explainTurn` takes it (wherever the engine declares the type).
type Model = Parameters<typeof explainTurn>[0];

/**
 * Why the turn came out as it did, as one team may read it during play: the materials its
 * sectors use or its stockpiles hold, its own sectors, the public price overrides and the
 * overrides of its own budget and stocks. Another team's lever is never named — a team sees
 * the market's answer to other teams' orders, not the orders — so those causes are dropped
 * (the team's own orders stay, named).
 * @example explainTurnForTeam(model, state.results.at(-1), "en", "jogmec").map((e) => e.text)
 */
export function explainTurnForTeam(
  model: Model,
  r: TurnResult,
  locale: Locale,
  team: string,
): Explanation[] {
  const def = model.teams.get(team);
  if (!def) throw new Error(`unknown team '${team}'; pass a team of the scenario`);
  const ownLevers = new Set(def.levers);
  const materials = new Set(model.teamMaterials.get(team) ?? []);
  for (const id of def.levers) {
    const l = model.levers.get(id);
    if (l && "material" in l && typeof l.material === "string") materials.add(l.material);
  }
  const sectors = new Set(def.sectors ?? []);
  const mayName = (c: Cause) => c.kind !== "lever" || c.team === team;
  const ownOverride = (target: string) => {
    const [kind, id = ""] = target.split(":");
    return kind === "price" || (kind === "budget" ? id === team : ownLevers.has(id));
  };
  const filtered: TurnResult = {
    ...r,
    overrides: (r.overrides ?? []).filter((o) => ownOverride(o.target)),
    materials: Object.fromEntries(
      Object.entries(r.materials)
        .filter(([id]) => materials.has(id))
        .map(([id, f]) => [id, { ...f, causes: f.causes.filter(mayName) }]),
    ),
    sectors: Object.fromEntries(
      Object.entries(r.sectors)
        .filter(([id]) => sectors.has(id))
        .map(([id, o]) => [id, { ...o, causes: o.causes.filter(mayName) }]),
    ),
  };
  return explainTurn(model, filtered, locale);
}
