import type { CellValue } from "exceljs";
import type { CellIssueCode, Params } from "./cell-messages.ts";
import { COMPONENT_CLASSES, componentClass } from "./component-library.ts";
import { countryCode } from "./countries.ts";
import type { CellKind } from "./sheet-layout.ts";

const ID = /^[a-z][a-z0-9_-]*$/;
export const ROLES = [
  "industry",
  "government",
  "stockpile_agency",
  "trading_house",
  "ally",
  "other",
];

export type CellRead =
  | { ok: true; value: unknown }
  | { ok: false; code: CellIssueCode; params?: Params };

/** What the cell shows, as text: formulas by their result, rich text by its runs. */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ("richText" in v)
    return v.richText
      .map((r) => r.text)
      .join("")
      .trim();
  if ("result" in v) return v.result === undefined ? "" : cellText(v.result as CellValue);
  if ("text" in v) return String(v.text).trim();
  if ("error" in v) return String(v.error);
  return "";
}

function cellNumber(v: CellValue, isPercentFormat: boolean): number | undefined {
  const raw = v !== null && typeof v === "object" && "result" in v ? v.result : v;
  // A cell formatted as % stores 0.12 for "12 %"; the sheets ask for the 12.
  if (typeof raw === "number") return isPercentFormat ? raw * 100 : raw;
  // NFKC: full-width digits and ％ typed in Japanese input mode read as numbers.
  const t = cellText(v).normalize("NFKC").replace(/[,\s]/g, "").replace(/%$/, "");
  if (t === "" || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return undefined;
  return Number(t);
}

const YES = new Set(["yes", "y", "true", "はい", "○", "有", "known", "既知"]);
const NO = new Set(["no", "n", "false", "いいえ", "×", "無", "unknown", "不明"]);

/**
 * Reads one cell as its column's kind. Blank optional cells read as undefined; every other
 * problem is a code the catalogue words, so the reader can go on and report all of them.
 */
export function readCell(kind: CellKind, v: CellValue, numFmt: string | undefined): CellRead {
  const typed = cellText(v);
  // Names and sources keep what was typed; codes and choices accept full-width input.
  const text = kind === "text" || kind === "optionalText" ? typed : typed.normalize("NFKC");
  const blank = text === "";
  const optional =
    kind === "optionalText" ||
    kind === "optionalCountry" ||
    kind === "countryList" ||
    kind === "idList";
  if (blank)
    return optional
      ? { ok: true, value: kind.endsWith("List") ? [] : undefined }
      : { ok: false, code: "required" };
  const number = () => cellNumber(v, (numFmt ?? "").includes("%"));
  switch (kind) {
    case "id":
      return ID.test(text) ? { ok: true, value: text } : { ok: false, code: "bad_id" };
    case "text":
    case "optionalText":
      return { ok: true, value: text };
    case "count":
    case "money":
    case "days":
    case "months":
    case "premium":
    case "positive":
    case "percent": {
      const n = number();
      if (n === undefined || !Number.isFinite(n))
        return kind === "days" || kind === "months"
          ? { ok: false, code: kind }
          : { ok: false, code: "not_a_number", params: { value: text } };
      if (kind === "positive")
        return n > 0 ? { ok: true, value: n } : { ok: false, code: "positive" };
      if (kind === "percent")
        return n >= 0 && n <= 100 ? { ok: true, value: n } : { ok: false, code: "percent" };
      if (n < 0)
        return { ok: false, code: kind === "days" || kind === "months" ? kind : "non_negative" };
      return { ok: true, value: n };
    }
    case "country":
    case "optionalCountry": {
      const c = countryCode(text);
      return c
        ? { ok: true, value: c }
        : { ok: false, code: "unknown_country", params: { value: text } };
    }
    case "countryList": {
      const parts = text
        .split(/[,、;／/]+/)
        .map((s) => s.trim())
        .filter(Boolean);
      const codes: string[] = [];
      for (const p of parts) {
        const c = countryCode(p);
        if (!c) return { ok: false, code: "unknown_country", params: { value: p } };
        codes.push(c);
      }
      return { ok: true, value: codes };
    }
    case "idList": {
      const parts = text.split(/[,、;\s]+/).filter(Boolean);
      return parts.every((p) => ID.test(p))
        ? { ok: true, value: parts }
        : { ok: false, code: "bad_id" };
    }
    case "yesNo": {
      const t = text.toLowerCase();
      if (YES.has(t)) return { ok: true, value: true };
      if (NO.has(t)) return { ok: true, value: false };
      return { ok: false, code: "yes_no" };
    }
    case "componentClass":
      return componentClass(text)
        ? { ok: true, value: text }
        : {
            ok: false,
            code: "unknown_class",
            params: { value: text, choices: COMPONENT_CLASSES.map((c) => c.id).join(", ") },
          };
    case "role":
      return ROLES.includes(text)
        ? { ok: true, value: text }
        : { ok: false, code: "unknown_role", params: { value: text, choices: ROLES.join(", ") } };
  }
}
