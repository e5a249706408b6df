import {
  checkHistory,
  type EngineState,
  explainTurn,
  type Locale,
  type Model,
  moneyText,
  runSummary,
  type Scenario,
  scoreObjectives,
  turnMetrics,
} from "@chokepoint/engine";
import { formatTable, num, pct } from "../format-table.ts";
import { isMessageKey, t } from "../messages.ts";

/** The per-turn table of a run: prices, shortfall, value added lost, spend, dependency, stock. */
export function runTable(model: Model, state: EngineState, locale: Locale): string {
  const mats = model.materialOrder.map((m) => m.id);
  const header = [
    t(locale, "turn"),
    ...mats.map((m) => `${short(model, m, locale)} ×`),
    t(locale, "shortfall"),
    `${t(locale, "vaLost")} (${model.scenario.units.money[locale]})`,
    `${t(locale, "spend")} (${model.scenario.units.money[locale]})`,
    dependencyHeader(model, locale),
    stockHeader(model, locale),
    t(locale, "events"),
  ];
  const rows = state.results.map((r) => {
    const m = turnMetrics(model, r);
    return [
      r.label,
      ...mats.map((id) => (m.priceMultiple[id] ?? 0).toFixed(2)),
      pct(m.shortfallShare),
      num(m.valueAddedLost),
      num(m.spend),
      pct(m.controlledShare),
      num(m.stockpileOxideTonnes ?? m.stockpileValue),
      r.newlyFired.map((id) => eventTitle(model, id, locale)).join(" · "),
    ];
  });
  return formatTable(header, rows);
}

/** Stockpiles add up in oxide-equivalent tonnes where every material has one, else by value. */
function stockHeader(model: Model, locale: Locale): string {
  const oxide = model.scenario.levers.every(
    (l) => l.kind !== "stockpile" || model.materials.get(l.material)?.oxideEquivalent !== undefined,
  );
  return oxide
    ? t(locale, "stockOxide")
    : `${t(locale, "stockValue")} (${model.scenario.units.money[locale]})`;
}

/** A material's name, cut to fit a column (never its id: facilitators read names). */
function short(model: Model, id: string, locale: Locale): string {
  const name = model.materials.get(id)?.name[locale] ?? id;
  const max = locale === "ja" ? 10 : 18;
  return [...name].length > max ? `${[...name].slice(0, max - 1).join("")}…` : name;
}

/**
 * Says whose share, of what, weighted as turnMetrics weights it: oxide-equivalent tonnes when
 * every material has a factor, else value at base prices. Over every material, components
 * included, so it differs from objectives and history checks that name a few materials.
 */
export function dependencyHeader(
  model: {
    scenario: Pick<Scenario, "controllingCountry">;
    materialOrder: readonly { oxideEquivalent?: number | undefined }[];
  },
  locale: Locale,
): string {
  const code = model.scenario.controllingCountry;
  const c = new Intl.DisplayNames([locale], { type: "region" }).of(code) ?? code;
  const oxide = model.materialOrder.every((m) => m.oxideEquivalent !== undefined);
  if (locale === "ja") return `${c}依存（全素材の輸入、${oxide ? "酸化物換算" : "金額"}）`;
  return `${c} share (all imports, ${oxide ? "oxide eq." : "by value"})`;
}

/** Model beside the historical record: every check of the scenario, its tolerance and a score. */
export function historyTable(model: Model, state: EngineState, locale: Locale): string | undefined {
  if (!model.scenario.history.length) return undefined;
  const report = checkHistory(model, state.results);
  const show = (v: number | string | null) =>
    v === null ? "–" : typeof v === "string" ? v : Math.abs(v) >= 100 ? num(v) : v.toFixed(2);
  const rows = report.results.map((r) => [
    r.check.name[locale],
    show(r.model),
    show(r.expected),
    r.tolerance,
    r.pass ? "✓" : "✗",
    t(locale, r.check.sample === "holdout" ? "sampleOut" : "sampleIn"),
  ]);
  const table = formatTable(
    [
      t(locale, "check"),
      t(locale, "model"),
      t(locale, "historical"),
      t(locale, "tolerance"),
      t(locale, "inside"),
      t(locale, "sample"),
    ],
    rows,
  );
  const { calibration: c, holdout: h } = report.bySample;
  return `${table}
${t(locale, "score")}: ${report.passed} / ${report.total} (${t(locale, "sampleIn")} ${c.passed} / ${c.total}, ${t(locale, "sampleOut")} ${h.passed} / ${h.total})`;
}

/**
 * The seeds' two lessons as outcomes of the run: dependence on the controlling country and
 * what the diversification projects earned or lost; home production moved abroad.
 */
export function lessons(model: Model, state: EngineState, locale: Locale): string {
  const s = model.scenario;
  const results = state.results;
  const first = results[0];
  const last = results[results.length - 1];
  if (!first || !last) return "";
  const share = (r: (typeof results)[number]) => turnMetrics(model, r).controlledShare;
  const money = s.units.money[locale];
  // A project's money as the web shows it (with 億円 beside it for Japanese, where the scenario gives a rate).
  const cash = (v: number) => moneyText(s.units, v, locale);
  const sum = runSummary(model, results);
  const lines = [
    `- ${dependencyHeader(model, locale)}: ${first.label} ${pct(share(first))} → ${last.label} ${pct(share(last))}`,
    locale === "ja"
      ? `- 国内産業の投入コスト増（平時価格との差、全期間）: ${cash(sum.extraInputCost)}（最悪の期で付加価値の ${pct(sum.worstMarginSqueeze)}）。付加価値の損失（供給不足・他国の再輸出規制・自国の輸出管理による）: ${cash(sum.valueAddedLost)}（うち供給不足による生産減は最悪の期で ${pct(sum.worstShortfallShare)}）`
      : `- home sectors paid ${cash(sum.extraInputCost)} above base prices for their inputs (worst turn: ${pct(sum.worstMarginSqueeze)} of their value added); value added lost to input shortfalls, other countries' re-export rules and home's own controls: ${cash(sum.valueAddedLost)} (worst turn's output lost to shortfalls alone: ${pct(sum.worstShortfallShare)})`,
  ];
  for (const p of state.projects) {
    const e = p.economics;
    if (!e) continue;
    const name = model.levers.get(p.lever)?.name[locale] ?? p.lever;
    const since = e.lossSinceTurn !== null ? (model.labels[e.lossSinceTurn] ?? "") : null;
    const status = t(locale, `status_${p.status}`);
    // Economics are the whole project's; say what share of it the team funded.
    const lever = model.levers.get(p.lever);
    const funded = lever?.kind === "diversify" && lever.fundedShare < 1 ? lever.fundedShare : null;
    const whole =
      funded === null
        ? ""
        : locale === "ja"
          ? `（事業全体。チームの出資は ${pct(funded)}）`
          : ` (the whole project; the team funded ${pct(funded)})`;
    lines.push(
      locale === "ja"
        ? `- ${name}（${status}）: 累積キャッシュ ${cash(e.cumulativeCash)}、NPV ${cash(e.npv)}${whole}${since ? `、${since} から赤字` : ""}`
        : `- ${name} (${status}): cumulative cash ${cash(e.cumulativeCash)}, NPV ${cash(e.npv)}${whole}${since ? `, losing money since ${since}` : ""}`,
    );
  }
  for (const l of Object.values(last.location)) {
    const src = s.sources.find((x) => x.id === l.source);
    if (!src?.relocation) continue;
    const name = model.materials.get(l.material)?.name[locale] ?? l.material;
    lines.push(
      locale === "ja"
        ? `- ${name}の国内生産: ${pct(1 - l.homeShare)} が海外へ移転、国内の付加価値 ${num(l.valueAddedMovedAbroad)} ${money}/期 が流出`
        : `- home ${name} production: ${pct(1 - l.homeShare)} moved abroad; ${num(l.valueAddedMovedAbroad)} ${money} of value added a turn left with it`,
    );
  }
  return `${t(locale, "lessons")}\n${lines.join("\n")}`;
}

/** Each team's objectives: met or not, and the value at the end. */
export function scorecard(model: Model, state: EngineState, locale: Locale): string | undefined {
  const scores = scoreObjectives(model, state.results);
  if (!scores.length) return undefined;
  const rows = scores.map((sc) => {
    const last = sc.values[sc.values.length - 1] ?? 0;
    const o = sc.objective;
    const show = (v: number) => objectiveValue(model, o.metric.kind, v, locale);
    const target =
      o.metric.kind === "project_active"
        ? show(1)
        : o.atLeast !== undefined
          ? `≥ ${show(o.atLeast)}`
          : `≤ ${show(o.atMost ?? 0)}`;
    const held = sc.held.filter(Boolean).length;
    return [
      model.teams.get(o.team)?.name[locale] ?? o.team,
      o.name[locale],
      target,
      show(last),
      `${held}/${sc.held.length}`,
      sc.met ? "✓" : "✗",
    ];
  });
  return `${t(locale, "scorecard")}\n${formatTable(
    [
      t(locale, "team"),
      t(locale, "objective"),
      t(locale, "target"),
      t(locale, "atEnd"),
      t(locale, "turnsHeld"),
      t(locale, "met"),
    ],
    rows,
  )}${shareScopeNote(model, scores, locale)}`;
}

/**
 * A share objective counts only the materials it names, the per-turn table every import
 * (components included): the two numbers differ (70 % against 83 % at the end of doing nothing
 * in rare-earth-2010), and a facilitator reading both needs to be told why.
 */
function shareScopeNote(
  model: Model,
  scores: ReturnType<typeof scoreObjectives>,
  locale: Locale,
): string {
  const named = new Set<string>();
  for (const sc of scores)
    if (sc.objective.metric.kind === "controlled_share")
      for (const m of sc.objective.metric.materials) named.add(m);
  if (!named.size) return "";
  const names = [...named]
    .map((id) => model.materials.get(id)?.name[locale] ?? id)
    .join(locale === "ja" ? "、" : ", ");
  return `\n${t(locale, "shareScope").replace("{materials}", names).replace("{table}", dependencyHeader(model, locale))}`;
}

/** An objective's value in the unit its metric is read in (shares as %, days, money, yes/no). */
function objectiveValue(model: Model, kind: string, v: number, locale: Locale): string {
  switch (kind) {
    case "controlled_share":
    case "sector_output":
      return `${(v * 100).toFixed(v * 100 >= 10 ? 0 : 1)}%`;
    case "stockpile_days":
      return locale === "ja" ? `${Math.round(v)}日` : `${Math.round(v)} days`;
    case "project_active":
      return v >= 1
        ? locale === "ja"
          ? "稼働"
          : "active"
        : locale === "ja"
          ? "停止"
          : "not active";
    default:
      return `${num(v)} ${model.scenario.units.money[locale]}`;
  }
}

/** Explanations of the turns where something happened. */
export function explanations(model: Model, state: EngineState, locale: Locale): string {
  return state.results
    .filter((r) => r.newlyFired.length || r.notes.length)
    .map((r) =>
      [
        `[${r.label}] ${[
          ...r.newlyFired.map((id) => eventTitle(model, id, locale)),
          ...r.notes.map((n) => projectNote(model, state, n, locale)),
        ].join(" · ")}`,
        ...explainTurn(model, r, locale).map((e) => `  - ${e.text}`),
      ].join("\n"),
    )
    .join("\n");
}

/**
 * A project's change of fortune as the engine notes it (`<lever>@<turn started>:<outcome>`),
 * in words: the lever's name, what happened and when it was started — never the raw note.
 */
export function projectNote(
  model: Model,
  state: EngineState,
  note: string,
  locale: Locale,
): string {
  const m = /^(.+)@(\d+):(\w+)$/.exec(note);
  if (!m) return note;
  const [, lever = "", started = "", outcome = ""] = m;
  const def = model.levers.get(lever);
  const name = def?.name[locale] ?? lever;
  // A mine or refinery that passes its success draw comes on stream; a programme succeeds.
  const said = outcome === "succeeded" && def?.kind === "diversify" ? "on_stream" : outcome;
  const key = `note_${said}`;
  const words = isMessageKey(key) ? t(locale, key) : `{lever}: ${outcome}`;
  const since = state.results[Number(started)]?.label;
  const startedText = since ? fillIn(t(locale, "startedIn"), { turn: since }) : "";
  return `${fillIn(words, { lever: name })}${startedText}`;
}

const fillIn = (s: string, p: Record<string, string>) =>
  s.replaceAll(/\{(\w+)\}/g, (x, k: string) => p[k] ?? x);

/** A fired event's title (scheduled or prepared inject), else its id. */
function eventTitle(model: Model, id: string, locale: Locale): string {
  const e = model.scenario.events.find((x) => x.id === id) ?? model.injects.get(id);
  return e?.title[locale] ?? id;
}
