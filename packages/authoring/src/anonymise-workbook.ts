import type { ExposureWorkbook } from "./exposure-schema.ts";

/**
 * The workbook with the company's and its suppliers' names replaced by codes, before a
 * scenario is shared (a seminar, joint procurement talks): the same supplier keeps the same
 * code across sheets, so the exposure still reads. Products, parts and figures stay — they
 * are the exercise; a firm that also wants them hidden edits the names itself.
 */
export function anonymiseWorkbook(wb: ExposureWorkbook): ExposureWorkbook {
  const codes = new Map<string, number>();
  const code = (name: string) => {
    if (!codes.has(name)) codes.set(name, codes.size + 1);
    return codes.get(name) ?? 0;
  };
  return {
    ...wb,
    company: {
      ...wb.company,
      code: "company_a",
      nameJa: "企業A",
      nameEn: "Company A",
    },
    suppliers: wb.suppliers.map((s) => ({ ...s, name: `S${code(s.name)}` })),
    alternatives: wb.alternatives.map((a) => ({ ...a, name: `S${code(a.name)}` })),
  };
}
