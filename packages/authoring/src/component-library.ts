/**
 * Built-in component classes and their typical materials: the defaults the template fills in
 * and a company edits. Contents are typical mass shares, each with its source; a firm's own
 * specification always wins. `baseMaterials` are the ids the built-in scenarios use for the
 * same goods, so a base scenario's controls on them reach the company's parts.
 */
export interface LibraryMaterial {
  symbol: string;
  contentPct: number;
  /** Where most of it is refined (ISO code), as the default origin. */
  origin: string;
  source: string;
}

export interface ComponentClass {
  id: string;
  nameJa: string;
  nameEn: string;
  /** Built-in scenarios' material ids for the component itself (bought ready-made). */
  baseMaterials: string[];
  materials: LibraryMaterial[];
}

const IEA = "IEA Global Critical Minerals Outlook 2025 (M)";
const USGS = (c: string) => `USGS Mineral Commodity Summaries 2025, ${c} (H)`;

export const COMPONENT_CLASSES: readonly ComponentClass[] = [
  {
    id: "ndfeb_magnet",
    nameJa: "ネオジム焼結磁石",
    nameEn: "Sintered NdFeB magnet",
    baseMaterials: ["ndfeb_magnet"],
    materials: [
      {
        symbol: "Nd",
        contentPct: 23,
        origin: "CN",
        source: `Nd+Pr ~29–32 wt% of sintered NdFeB (US DOE Critical Materials Strategy 2011, M); China ~90 % of separation, ${IEA}`,
      },
      {
        symbol: "Pr",
        contentPct: 6,
        origin: "CN",
        source: `Nd+Pr ~29–32 wt% of sintered NdFeB (US DOE Critical Materials Strategy 2011, M); ${IEA}`,
      },
      {
        symbol: "Dy",
        contentPct: 3,
        origin: "CN",
        source: `Dy 0–8 wt% by temperature grade; ~3 % typical for motors (US DOE Critical Materials Strategy 2011, M); China ~99 % of heavy REE separation, ${IEA}`,
      },
      {
        symbol: "Tb",
        contentPct: 0.5,
        origin: "CN",
        source: `Tb in grain-boundary-diffused motor grades, ~0.5 wt% (modelling assumption, L); ${IEA}`,
      },
      {
        symbol: "B",
        contentPct: 1,
        origin: "TR",
        source: `~1 wt% boron in Nd2Fe14B (stoichiometry); Türkiye leads boron output, ${USGS("Boron")}`,
      },
    ],
  },
  {
    id: "power_module",
    nameJa: "パワーモジュール（GaN/GaAs）",
    nameEn: "Power module (GaN/GaAs)",
    baseMaterials: ["compound_wafers"],
    materials: [
      {
        symbol: "Ga",
        contentPct: 0.1,
        origin: "CN",
        source: `Gallium in the epitaxial layers and wafers, ~0.1 wt% of a module (modelling assumption, L); China ~98 % of primary gallium, ${USGS("Gallium")}`,
      },
    ],
  },
  {
    id: "ir_optics",
    nameJa: "赤外線光学部品（レンズ・窓）",
    nameEn: "Infrared optics (lenses, windows)",
    baseMaterials: [],
    materials: [
      {
        symbol: "Ge",
        contentPct: 90,
        origin: "CN",
        source: `Germanium is the main infrared lens material; a lens is mostly Ge (mount excluded) (${USGS("Germanium")}); China ~60 % of refined Ge`,
      },
    ],
  },
  {
    id: "flame_retardant",
    nameJa: "難燃剤（三酸化アンチモン系）",
    nameEn: "Flame retardant (antimony trioxide)",
    baseMaterials: [],
    materials: [
      {
        symbol: "Sb",
        contentPct: 83.5,
        origin: "CN",
        source: `Sb2O3 is 83.5 % antimony by mass (stoichiometry); China ~half of mined Sb and most refining, ${USGS("Antimony")}`,
      },
    ],
  },
  {
    id: "tungsten_carbide_tool",
    nameJa: "超硬工具（炭化タングステン）",
    nameEn: "Cemented carbide tool (tungsten carbide)",
    baseMaterials: [],
    materials: [
      {
        symbol: "W",
        contentPct: 85,
        origin: "CN",
        source: `WC-Co cemented carbide ~85 wt% W (industry data sheets, M); China ~80 % of mined W, ${USGS("Tungsten")}`,
      },
    ],
  },
  {
    id: "other",
    nameJa: "その他（材料を手入力）",
    nameEn: "Other (enter materials by hand)",
    baseMaterials: [],
    materials: [],
  },
];

/**
 * Built-in scenarios' material ids for an element or refined material: the element-level
 * route a control reaches a part by when the base scenario has no market for the part itself.
 */
export const ELEMENT_BASE_MATERIALS: Readonly<Record<string, readonly string[]>> = {
  Nd: ["ndpr_oxide"],
  Pr: ["ndpr_oxide"],
  Dy: ["heavy_ree_oxide", "dy_oxide"],
  Tb: ["heavy_ree_oxide"],
  Ga: ["gallium"],
  Ge: ["germanium"],
  Sb: ["antimony"],
  W: ["tungsten"],
};

export function componentClass(id: string): ComponentClass | undefined {
  return COMPONENT_CLASSES.find((c) => c.id === id);
}

/** Names firms write for the library's elements, in English and Japanese. */
const ELEMENT_NAMES: Readonly<Record<string, readonly string[]>> = {
  Nd: ["neodymium", "ネオジム", "ネオジウム"],
  Pr: ["praseodymium", "プラセオジム"],
  Dy: ["dysprosium", "ジスプロシウム"],
  Tb: ["terbium", "テルビウム"],
  Ga: ["gallium", "ガリウム"],
  Ge: ["germanium", "ゲルマニウム"],
  Sb: ["antimony", "アンチモン"],
  W: ["tungsten", "タングステン"],
  B: ["boron", "ホウ素"],
};

/** The element symbol for what a firm typed ("dy", "Dysprosium", "ジスプロシウム" → "Dy"), else the text. */
export function elementSymbol(text: string): string {
  const t = text.normalize("NFKC").trim();
  for (const [symbol, names] of Object.entries(ELEMENT_NAMES))
    if (symbol.toLowerCase() === t.toLowerCase() || names.includes(t.toLowerCase())) return symbol;
  return t;
}
