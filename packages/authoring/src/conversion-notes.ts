import type { Locale, Scenario } from "@chokepoint/engine";
import type { Params } from "./cell-messages.ts";
import type { Component, ExposureWorkbook } from "./exposure-schema.ts";

/**
 * What the conversion flags for the facilitator and the firm: what the workbook leaves
 * unknown (never guessed) and what the model leaves out. Codes with parameters; words below.
 */
export const NOTE_MESSAGES = {
  tier2_unknown: {
    en: (p: Params) =>
      `${p.nameEn}: the suppliers of ${p.supplier} (${p.country}) are not known — the scenario cannot see a control that reaches it through them`,
    ja: (p: Params) =>
      `${p.nameJa}：${p.supplier}（${p.country}）の仕入先（2次）が不明です。そこを経由する規制はシナリオに反映されません`,
  },
  tier2_controlled: {
    en: (p: Params) =>
      `${p.nameEn}: ${p.supplier} (${p.country}) buys from ${p.controller} — the model does not pass ${p.controller}'s controls through this supplier; treat its share as exposed too`,
    ja: (p: Params) =>
      `${p.nameJa}：${p.supplier}（${p.country}）は${p.controller}から調達しています。この経路の規制はモデルに含まれないため、このシェアも影響を受けうると考えてください`,
  },
  exposed: {
    en: (p: Params) =>
      `${p.nameEn}: ${p.share} % bought from ${p.controller}, ${p.days} days of stock`,
    ja: (p: Params) => `${p.nameJa}：${p.share}%を${p.controller}から調達、在庫${p.days}日分`,
  },
  no_world_link: {
    en: (p: Params) =>
      `${p.nameEn}: no market in the base scenario ${p.base} matches its class or materials — its events do not reach this part`,
    ja: (p: Params) =>
      `${p.nameJa}：ベースシナリオ ${p.base} にこの部品や材料の市場がないため、その出来事はこの部品に及びません`,
  },
  via_elements: {
    en: (p: Params) =>
      `${p.nameEn}: the base scenario's controls on ${p.materials} reach it through its materials`,
    ja: (p: Params) =>
      `${p.nameJa}：ベースシナリオの ${p.materials} への規制が、材料を通じてこの部品に及びます`,
  },
} as const;

export type NoteCode = keyof typeof NOTE_MESSAGES;
export interface ConversionNote {
  code: NoteCode;
  params: Params;
}

export function noteMessage(n: ConversionNote, locale: Locale): string {
  return NOTE_MESSAGES[n.code][locale](n.params);
}

export function exposureNotes(
  wb: ExposureWorkbook,
  base: Scenario,
  baseMaterialsOf: (c: Component) => string[],
): ConversionNote[] {
  const notes: ConversionNote[] = [];
  const controller = base.controllingCountry;
  for (const c of wb.components) {
    // The id ties a note to its part; the names are what a reader sees.
    const named = { component: c.id, nameJa: c.nameJa, nameEn: c.nameEn };
    const suppliers = wb.suppliers.filter((s) => s.component === c.id);
    const share = suppliers
      .filter((s) => s.country === controller)
      .reduce((t, s) => t + s.sharePct, 0);
    if (share > 0)
      notes.push({
        code: "exposed",
        params: { ...named, share, controller, days: c.stockDays },
      });
    for (const s of suppliers) {
      if (s.country === controller) continue;
      if (!s.tier2Known)
        notes.push({
          code: "tier2_unknown",
          params: { ...named, supplier: s.name, country: s.country },
        });
      else if (s.tier2Countries.includes(controller))
        notes.push({
          code: "tier2_controlled",
          params: { ...named, supplier: s.name, country: s.country, controller },
        });
    }
    const matched = baseMaterialsOf(c);
    if (!matched.length) notes.push({ code: "no_world_link", params: { ...named, base: base.id } });
    else if (!base.materials.some((m) => m.stage === "component" && matched.includes(m.id)))
      notes.push({
        code: "via_elements",
        params: { ...named, materials: matched.join(", ") },
      });
  }
  return notes;
}
