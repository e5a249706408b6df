import type { LeverAction, LeverDefinition } from "@chokepoint/engine";
import type { MessageKey } from "../i18n/messages";
import { numberFormat } from "../i18n/number-format";

type F = (key: MessageKey, vars: Record<string, string | number>) => string;

const tonnes = (x: number, locale: string) =>
  numberFormat(locale === "ja" ? "ja" : "en").tonnes(x, 1);

/**
 * The levers a team played, each once, in the order first played: the reveal lists each lever
 * with its actions and the plenary names the levers only, so both start from this.
 */
export function leversPlayed(actions: readonly LeverAction[]): string[] {
  return [...new Set(actions.map((a) => a.lever))];
}

/** One lever's planned actions in words ("buy 10 t, release 5 t", "go ahead", "nothing"). */
export function actionsText(actions: readonly LeverAction[], f: F, locale: string): string {
  if (!actions.length) return f("nothingPlanned", {});
  return actions
    .map((a) =>
      a.op === "activate"
        ? f("draftActivate", {})
        : f(a.op === "buy" ? "draftBuy" : "draftRelease", { t: tonnes(a.tonnes, locale) }),
    )
    .join(locale === "ja" ? "、" : ", ");
}

/** Each lever whose actions differ between two decisions: "Dy stockpile: buy 10 t → buy 30 t". */
export function decisionDiff(
  before: readonly LeverAction[],
  after: readonly LeverAction[],
  levers: readonly LeverDefinition[],
  name: (l: LeverDefinition) => string,
  f: F,
  locale: string,
): string[] {
  const of = (list: readonly LeverAction[], id: string) => list.filter((a) => a.lever === id);
  const key = (list: LeverAction[]) =>
    list
      .map((a) => `${a.op}:${a.op === "activate" ? a.scale : a.tonnes}`)
      .sort()
      .join("|");
  return levers.flatMap((lv) => {
    const b = of(before, lv.id);
    const a = of(after, lv.id);
    return key(a) === key(b)
      ? []
      : [`${name(lv)}: ${actionsText(b, f, locale)} → ${actionsText(a, f, locale)}`];
  });
}

/** hh:mm of an ISO time in the reader's locale. */
export function hhmm(iso: string, locale: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? ""
    : d.toLocaleTimeString(locale === "ja" ? "ja-JP" : "en-GB", {
        hour: "2-digit",
        minute: "2-digit",
      });
}
