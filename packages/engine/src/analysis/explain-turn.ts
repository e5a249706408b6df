import type { Model } from "../model/prepare-model.ts";
import type { Cause, TurnResult } from "../model/state.ts";
import type { Locale } from "../scenario/text.ts";

export interface Explanation {
  subject: { kind: "material"; id: string } | { kind: "sector"; id: string };
  /** One sentence, in the asked locale. */
  text: string;
  causes: Cause[];
}

/**
 * Why the turn came out as it did: for each material short of its claims or priced above
 * normal, and each sector that lost output, the events, levers and parameters behind it,
 * largest first.
 */
export function explainTurn(model: Model, r: TurnResult, locale: Locale): Explanation[] {
  const out: Explanation[] = [];
  const name = (kind: "event" | "lever" | "parameter" | "override", id: string) =>
    causeName(model, kind, id, locale);
  for (const m of model.materialOrder) {
    const f = r.materials[m.id];
    if (!f) continue;
    const mult = r.priceMultiples[m.id] ?? 1;
    if (f.shortfall < 1e-9 && Math.abs(mult - 1) < 0.05 && f.causes.length === 0) continue;
    const causes = merge(f.causes);
    const parts = causes
      .slice(0, 4)
      .map((c) => `${name(c.kind, c.id)} ${c.amount >= 0 ? "+" : "−"}${fmt(Math.abs(c.amount))} t`);
    const mName = m.name[locale];
    // Stocks and fear move prices as much as tonnes do: say where buyers' stock stood.
    const stock =
      f.desiredCoverDays > 0
        ? locale === "ja"
          ? `在庫は ${f.coverDays.toFixed(0)} 日分（望む水準 ${f.desiredCoverDays.toFixed(0)} 日分、供給懸念 ${(f.risk * 100).toFixed(0)}%）、`
          : `stock covers ${f.coverDays.toFixed(0)} days (buyers want ${f.desiredCoverDays.toFixed(0)}; supply fear ${(f.risk * 100).toFixed(0)} %), `
        : "";
    const text =
      locale === "ja"
        ? `${mName}: 需要 ${fmt(f.claimed)} t に対し供給 ${fmt(f.supplied)} t、不足 ${fmt(f.shortfall)} t、${stock}価格は平時の ${mult.toFixed(2)} 倍。要因: ${parts.join("、") || "なし"}`
        : `${mName}: ${fmt(f.supplied)} t supplied against ${fmt(f.claimed)} t claimed, ${fmt(f.shortfall)} t short, ${stock}price ${mult.toFixed(2)}× normal. Causes: ${parts.join(", ") || "none"}`;
    out.push({ subject: { kind: "material", id: m.id }, text, causes });
  }
  for (const sec of model.sectors) {
    const o = r.sectors[sec.id];
    if (!o || o.valueAddedLost < 1e-9) continue;
    const causes = merge(o.causes);
    const parts = causes.slice(0, 4).map((c) => name(c.kind, c.id));
    const text =
      locale === "ja"
        ? `${sec.name.ja}: 生産は平時の ${(o.output * 100).toFixed(0)}%、付加価値損失 ${fmt(o.valueAddedLost)}。要因: ${parts.join("、") || "なし"}`
        : `${sec.name.en}: output ${(o.output * 100).toFixed(0)}% of normal, value added lost ${fmt(o.valueAddedLost)}. Causes: ${parts.join(", ") || "none"}`;
    out.push({ subject: { kind: "sector", id: sec.id }, text, causes });
  }
  return out;
}

function causeName(model: Model, kind: Cause["kind"], id: string, locale: Locale): string {
  if (kind === "event") {
    const e = model.scenario.events.find((x) => x.id === id) ?? model.injects.get(id);
    return e ? e.title[locale] : id;
  }
  if (kind === "lever") return model.levers.get(id)?.name[locale] ?? id;
  return id;
}

/** Adds up causes with the same kind and id, largest effect first. */
function merge(causes: readonly Cause[]): Cause[] {
  const by = new Map<string, Cause>();
  for (const c of causes) {
    const k = `${c.kind}:${c.id}`;
    const prev = by.get(k);
    by.set(k, prev ? { ...prev, amount: prev.amount + c.amount } : { ...c });
  }
  return [...by.values()].sort(
    (a, b) => Math.abs(b.amount) - Math.abs(a.amount) || (a.id < b.id ? -1 : 1),
  );
}

function fmt(x: number): string {
  return Math.abs(x) >= 100 ? Math.round(x).toLocaleString("en-US") : x.toFixed(1);
}
