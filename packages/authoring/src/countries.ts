/**
 * Country input as companies type it: an ISO 3166-1 alpha-2 code ("CN"), or the country's
 * name in English or Japanese ("China", "中国"). Names come from the runtime's ICU data, so
 * no list is kept here; "ROW" (rest of world) and "EU" are accepted as the scenarios use them.
 */
const REGIONS = new Set(["ROW", "EU"]);

let byName: Map<string, string> | undefined;

function names(): Map<string, string> {
  if (byName) return byName;
  const map = new Map<string, string>();
  const en = new Intl.DisplayNames(["en"], { type: "region" });
  const ja = new Intl.DisplayNames(["ja"], { type: "region" });
  for (let a = 65; a <= 90; a++)
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = en.of(code);
      // ICU echoes codes it does not know, and a few user-assigned codes name no country.
      if (!name || name === code || name === "Unknown Region") continue;
      map.set(code.toLowerCase(), code);
      map.set(name.toLowerCase(), code);
      const nameJa = ja.of(code);
      if (nameJa && nameJa !== code) map.set(nameJa, code);
    }
  // Short forms firms write, and the ISO official names where ICU's short name differs.
  for (const [k, v] of [
    ["viet nam", "VN"],
    ["korea", "KR"],
    ["republic of korea", "KR"],
    ["united states of america", "US"],
    ["russian federation", "RU"],
    ["taiwan, province of china", "TW"],
    ["中国", "CN"],
    ["米国", "US"],
    ["アメリカ", "US"],
    ["韓国", "KR"],
    ["usa", "US"],
    ["uk", "GB"],
  ] as const)
    map.set(k, v);
  byName = map;
  return map;
}

/** The ISO code for what a company typed, or undefined if it names no country. */
export function countryCode(text: string): string | undefined {
  const t = text.trim();
  if (REGIONS.has(t.toUpperCase())) return t.toUpperCase();
  return names().get(t.toLowerCase()) ?? names().get(t);
}
