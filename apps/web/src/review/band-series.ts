import { fill } from "../i18n/translator";
import type { BandPoint } from "./band-chart";
import { type Bands, paren, type Timeline, type Tr } from "./format";

/** One band chart's data: the actual run, its Monte Carlo band and the reference path. */
export interface BandSeries {
  id: string;
  what: string;
  actual: number[];
  band: (BandPoint | null)[] | null;
  reference: { name: string; values: (number | null)[] } | undefined;
  format: (v: number) => string;
}

/**
 * The review's band charts — shortfall, value added lost, each material's price — built once
 * for the screen and the printed debrief, so both draw the same series from the same answer.
 * `bands` is null while the Monte Carlo answer is on its way (the actual runs draw already).
 */
export function bandSeries(tr: Tr, tl: Timeline, bands: Bands | null): BandSeries[] {
  const { t, l, locale } = tr;
  const f = tr.n;
  type RefTurn = NonNullable<Timeline["reference"]>["turns"][number];
  const ref = (get: (r: RefTurn) => number | null) =>
    tl.reference ? { name: t("japanActual"), values: tl.reference.turns.map(get) } : undefined;
  const band = (get: (b: Bands["turns"][number]) => BandPoint | undefined) =>
    bands
      ? tl.turns.map((_, i) => {
          const b = bands.turns[i];
          return b ? (get(b) ?? null) : null;
        })
      : null;
  return [
    {
      id: "shortfall",
      what: t("shortfallShare"),
      actual: tl.turns.map((x) => x.metrics.shortfallShare),
      band: band((b) => b.shortfallShare),
      reference: ref((r) => r.shortfallShare),
      format: f.pct,
    },
    {
      id: "va",
      what: `${t("vaLost")}${paren(locale, l(tl.scenario.units.money))}`,
      actual: tl.turns.map((x) => x.metrics.valueAddedLost),
      band: band((b) => b.valueAddedLost),
      reference: ref((r) => r.valueAddedLost),
      format: f.num,
    },
    ...tl.scenario.materials.map((m) => ({
      id: `price-${m.id}`,
      what: fill(t("priceOf"), { m: l(m.name) }),
      actual: tl.turns.map((x) => x.materials[m.id]?.priceMultiple ?? 1),
      band: band((b) => b.priceMultiple[m.id]),
      reference: ref((r) => r.priceMultiple[m.id] ?? null),
      format: f.times,
    })),
  ];
}
