import type { Model } from "../model/model.ts";
import type { Cause, MaterialFlow, OverrideRecord, TurnResult } from "../model/state.ts";
import type { Locale } from "../scenario/text.ts";

export interface Explanation {
  subject:
    | { kind: "material"; id: string }
    | { kind: "sector"; id: string }
    | { kind: "override"; target: string };
  /** One sentence, in the asked locale. */
  text: string;
  causes: Cause[];
}

/**
 * Why the turn came out as it did, naming every contributor with its sign and size: events
 * and injects that cut supply, teams' decisions that added supply (releases, offtakes, projects)
 * or took it off the market (purchases for stock), buyers' own fear-driven orders and stock
 * drawdown, and the facilitator's overrides with their written reasons. Largest first.
 */
export function explainTurn(model: Model, r: TurnResult, locale: Locale): Explanation[] {
  const out: Explanation[] = [];
  for (const o of r.overrides ?? []) out.push(overrideLine(model, o, locale));
  for (const m of model.materialOrder) {
    const f = r.materials[m.id];
    if (!f) continue;
    const mult = r.priceMultiples[m.id] ?? 1;
    if (f.shortfall < 1e-9 && Math.abs(mult - 1) < 0.05 && f.causes.length === 0) continue;
    const causes = merge(f.causes);
    const parts = causes.slice(0, 5).map((c) => describe(model, c, locale));
    const mName = m.name[locale];
    // Stocks and fear move prices as much as tonnes do: say where buyers' stock stood.
    const stock =
      f.desiredCoverDays > 0
        ? locale === "ja"
          ? `在庫は ${f.coverDays.toFixed(0)} 日分（望む水準 ${f.desiredCoverDays.toFixed(0)} 日分、供給懸念 ${(f.risk * 100).toFixed(0)}%）、`
          : `stock covers ${f.coverDays.toFixed(0)} days (buyers want ${f.desiredCoverDays.toFixed(0)}; supply fear ${(f.risk * 100).toFixed(0)} %), `
        : "";
    const price = priceText(model, m.id, mult, f, r.priceMultiples, locale);
    const text =
      locale === "ja"
        ? `${mName}: 需要 ${fmt(f.claimed)} t に対し供給 ${fmt(f.supplied)} t、不足 ${fmt(f.shortfall)} t、${stock}${price}。要因: ${parts.join("、") || "特になし（平時どおり）"}`
        : `${mName}: ${fmt(f.supplied)} t supplied against ${fmt(f.claimed)} t claimed, ${fmt(f.shortfall)} t short, ${stock}${price}. Causes: ${parts.join("; ") || "none (business as usual)"}`;
    out.push({ subject: { kind: "material", id: m.id }, text, causes });
  }
  const money = model.scenario.units.money[locale];
  for (const sec of model.sectors) {
    const o = r.sectors[sec.id];
    if (!o || o.valueAddedLost < 1e-9) continue;
    const causes = merge(o.causes);
    const parts = causes.slice(0, 5).map((c) => describe(model, c, locale));
    const text =
      locale === "ja"
        ? `${sec.name.ja}: 生産は平時の ${(o.output * 100).toFixed(0)}%、付加価値損失 ${fmt(o.valueAddedLost)} ${money}。要因: ${parts.join("、") || "なし"}`
        : `${sec.name.en}: output ${(o.output * 100).toFixed(0)} % of normal, value added lost ${money} ${fmt(o.valueAddedLost)}. Causes: ${parts.join("; ") || "none"}`;
    out.push({ subject: { kind: "sector", id: sec.id }, text, causes });
  }
  return out;
}

function overrideLine(model: Model, o: OverrideRecord, locale: Locale): Explanation {
  const [kind, id = ""] = o.target.split(":");
  const what =
    kind === "price"
      ? (model.materials.get(id)?.name[locale] ?? id) + (locale === "ja" ? "の価格" : " price")
      : kind === "budget"
        ? (model.teams.get(id)?.name[locale] ?? id) + (locale === "ja" ? "の予算" : " budget")
        : (model.levers.get(id)?.name[locale] ?? id) + (locale === "ja" ? "の在庫" : " stock");
  // In the units participants read: prices per kg (and × normal), money, tonnes.
  const u = model.scenario.units;
  const base = kind === "price" ? (model.materials.get(id)?.basePrice.value ?? 0) : 0;
  const show = (v: number) =>
    kind === "price"
      ? `${fmt(v * u.priceScale)} ${u.price[locale]}${base > 0 ? ` (${fmt(v / base)}×)` : ""}`
      : kind === "budget"
        ? `${fmt(v)} ${u.money[locale]}`
        : `${fmt(v)} t`;
  const text =
    locale === "ja"
      ? `ファシリテーターによる変更: ${what} を ${show(o.from)} → ${show(o.to)}。理由: ${o.reason}`
      : `Facilitator override: ${what} ${show(o.from)} → ${show(o.to)}. Reason: ${o.reason}`;
  return {
    subject: { kind: "override", target: o.target },
    text,
    causes: [{ kind: "override", id: o.target, amount: o.to - o.from }],
  };
}

/** One cause in words, with its sign and size in tonnes. */
function describe(model: Model, c: Cause, locale: Locale): string {
  const t = `${fmt(Math.abs(c.amount))} t`;
  const up = c.amount >= 0;
  if (c.kind === "parameter") {
    if (c.id === "precautionary_buying")
      return locale === "ja"
        ? `供給懸念による予防的な買い増し（需要 +${t}）`
        : `buyers' precautionary orders (+${t} demand)`;
    if (c.id === "licence_rationing")
      return locale === "ja"
        ? `許可のない買い手は止められた分を買えず、国外にある在庫だけを競り合う（在庫不足 ${t} は価格でなく不足に表れる）`
        : `buyers without a licence cannot buy the held-back tonnes, so they bid only for the stock already outside (${t} of stock they lack shows as shortage, not price)`;
    if (c.id === "licence_destination_weight") {
      const home = model.scenario.home;
      return locale === "ja"
        ? `許可審査が他の仕向け先を優先し、${home} 向けの承認が少ない（承認分は他国へ、${home} への供給 −${t}）`
        : `licence reviewers favour other destinations over ${home}: approvals went to other buyers (−${t} of supply to ${home})`;
    }
    if (c.id === "controller_price_support") {
      const cc = model.scenario.controllingCountry;
      return locale === "ja"
        ? `${cc} 政府の価格下支え: 価格が直近の高値から大きく下がり、生産停止・国家備蓄の買い入れ・生産枠の取り締まりで国内の生産を −${t}`
        : `${cc}'s state price support: with its price far below its recent peak, production halts, state reserve purchases and enforced quotas held back ${t} of its own output`;
    }
    if (c.id === "working_stock")
      return up
        ? locale === "ja"
          ? `企業在庫の取り崩し（+${t}）`
          : `buyers drew on their stock (+${t})`
        : locale === "ja"
          ? `企業在庫の積み増し（−${t}）`
          : `buyers added to their stock (−${t})`;
    return `${c.id} ${up ? "+" : "−"}${t}`;
  }
  if (c.kind === "override")
    return locale === "ja"
      ? `ファシリテーターによる変更（${c.id}）`
      : `facilitator override (${c.id})`;
  const event =
    c.kind === "event"
      ? (model.scenario.events.find((x) => x.id === c.id) ?? model.injects.get(c.id))
      : undefined;
  const name = event
    ? event.title[locale]
    : c.kind === "event"
      ? c.id
      : (model.levers.get(c.id)?.name[locale] ?? c.id);
  // Lost ore feed cuts the controlling country's own output, not what reaches home.
  if (event?.effect.kind === "controller_supply")
    return locale === "ja"
      ? `${name}（${event.effect.country} 国内の生産 −${t}）`
      : `${name} (−${t} of ${event.effect.country}'s own output)`;
  const team = c.team ? model.teams.get(c.team)?.name[locale] : undefined;
  const who = team && c.kind === "lever" ? (locale === "ja" ? `（${team}）` : ` (${team})`) : "";
  if (c.kind === "lever" && !up)
    return locale === "ja"
      ? `${name}${who}が備蓄用に購入（市場から −${t}）`
      : `${name}${who} bought for stock (−${t} from the market)`;
  if (c.kind === "lever")
    return locale === "ja" ? `${name}${who}（供給 +${t}）` : `${name}${who} (+${t} supplied)`;
  return locale === "ja"
    ? `${name}（供給 ${up ? "+" : "−"}${t}）`
    : `${name} (${up ? "+" : "−"}${t} of supply)`;
}

/** Adds up causes with the same kind, id and sign, largest effect first. */
function merge(causes: readonly Cause[]): Cause[] {
  const by = new Map<string, Cause>();
  for (const c of causes) {
    const k = `${c.kind}:${c.id}:${c.amount >= 0 ? "+" : "-"}`;
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

/**
 * The price, with the controlling country's domestic price when the two markets have parted,
 * and a cap said as a cap: a price held at the scenario's limit is a safety bound, not what
 * the market cleared at.
 */
function priceText(
  model: Model,
  material: string,
  mult: number,
  f: MaterialFlow,
  multiples: Readonly<Record<string, number>>,
  locale: Locale,
): string {
  const m = model.materials.get(material);
  // A made material passes its input's price on: say so where the input is dear.
  const input = m?.input ? model.materials.get(m.input.material) : undefined;
  const inputMult = input ? (multiples[input.id] ?? 1) : 1;
  // A feed priced by its product is passed on only through its contracts (contract lags).
  const contracts = input?.pricedByProduct ? input.contractTurns : 0;
  const passed =
    input && inputMult > 1.05 && (!input.pricedByProduct || contracts > 0)
      ? contracts > 0
        ? locale === "ja"
          ? `（原料の${input.name.ja}は約 ${contracts} ターンの契約で買われ、その契約価格を転嫁。現在の相場は平時の ${inputMult.toFixed(2)} 倍）`
          : ` (its input, ${input.name.en}, is bought on contracts over about ${contracts} turns and their price is passed on; spot ${inputMult.toFixed(2)}× normal)`
        : locale === "ja"
          ? `（原料の${input.name.ja}が平時の ${inputMult.toFixed(2)} 倍、その分を価格に転嫁）`
          : ` (its input, ${input.name.en}, at ${inputMult.toFixed(2)}× normal, passed on)`
      : "";
  const capped = m !== undefined && mult >= m.maxPriceMultiple - 1e-9;
  const home = model.scenario.controllingCountry;
  const domestic = f.controllerPriceMultiple;
  const gap = domestic > 0 ? mult / domestic : 1;
  // Only where the controlling country's own market is modelled, or its measures open a rent.
  const hasOwn = model.marketOf(material).controller !== undefined || f.exportRent > 0.01;
  const parted = hasOwn && Math.abs(gap - 1) > 0.05 && domestic > 0;
  if (locale === "ja")
    return `価格は平時の ${mult.toFixed(2)} 倍${passed}${capped ? "（シナリオの上限。市場ではさらに高くなり得る）" : ""}${parted ? `、${home} 国内価格は ${domestic.toFixed(2)} 倍（輸出価格との差 ${gap.toFixed(2)} 倍）` : ""}`;
  return `price ${mult.toFixed(2)}× normal${passed}${capped ? " (held at the scenario's cap: the market would clear higher)" : ""}${parted ? `, ${home} domestic price ${domestic.toFixed(2)}× (export price ${gap.toFixed(2)}× it)` : ""}`;
}
