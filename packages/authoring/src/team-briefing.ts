import type { LocalizedText } from "@chokepoint/engine";
import { type ConversionNote, noteMessage } from "./conversion-notes.ts";
import type { ExposureWorkbook, TeamRow } from "./exposure-schema.ts";

/** A team's briefing from the firm's own data: its products, where their parts come from, what is unknown. */
export function teamBriefing(
  wb: ExposureWorkbook,
  team: TeamRow,
  notes: readonly ConversionNote[],
): LocalizedText {
  const products = wb.products.filter((p) => team.products.includes(p.id));
  const parts = new Set(
    wb.bom.filter((l) => team.products.includes(l.product)).map((l) => l.component),
  );
  const mine = notes.filter((n) => parts.has(String(n.params.component)));
  const lines = (locale: "ja" | "en") => mine.map((n) => `・${noteMessage(n, locale)}`).join("\n");
  const names = (locale: "ja" | "en") =>
    products
      .map((p) => (locale === "ja" ? p.nameJa : p.nameEn))
      .join(locale === "ja" ? "、" : ", ");
  return {
    ja: `${wb.company.nameJa}の${team.nameJa}として、${names("ja") || "会社全体"}の生産を守ってください。在庫と代替調達先の認定（認定期間・コスト増・供給能力はワークブックのとおり）を使えます。\n${lines("ja")}`.trim(),
    en: `As ${wb.company.nameEn}'s ${team.nameEn}, keep ${names("en") || "the company"} in production. You can use stock and qualify alternative suppliers (lead times, premiums and capacities as in the workbook).\n${lines("en")}`.trim(),
  };
}
