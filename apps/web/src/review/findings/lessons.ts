import type { ProjectLesson, RelocationLesson, RunLessons } from "@chokepoint/contracts";
import { fill } from "../../i18n/translator";
import type { Tr } from "../format";

/** A lesson's figure in this exercise beside Japan's path (null: not in that run). */
export interface LessonPair<T> {
  id: string;
  exercise: T | null;
  reference: T | null;
}

/**
 * Each project and each home stage that can move abroad, in either run, paired: a room that did
 * nothing sees Japan's project losing money and a different share of magnet making gone abroad,
 * side by side, and can work out why from the price path and the driver.
 */
export function pairLessons(
  exercise: RunLessons,
  reference: RunLessons | null,
): { projects: LessonPair<ProjectLesson>[]; relocation: LessonPair<RelocationLesson>[] } {
  const pair = <T>(mine: readonly T[], theirs: readonly T[], key: (x: T) => string) => {
    const ids = [...new Set([...mine.map(key), ...theirs.map(key)])];
    return ids.map((id) => ({
      id,
      exercise: mine.find((x) => key(x) === id) ?? null,
      reference: theirs.find((x) => key(x) === id) ?? null,
    }));
  };
  return {
    projects: pair(exercise.projects, reference?.projects ?? [], (p) => p.lever),
    relocation: pair(exercise.relocation, reference?.relocation ?? [], (r) => r.source),
  };
}

/**
 * A project's money and its one-line why: NPV and cash to date with their signs, the price of
 * its material when it started, when it came on stream and now, and since when it loses money.
 */
export function projectParts(
  tr: Tr,
  p: ProjectLesson,
  label: (turn: number) => string,
  money: (v: number) => string,
): string[] {
  const { t, n } = tr;
  const x = p.priceMultiple;
  const parts = [
    `${t("lessonNpv")} ${money(p.npv)}`,
    `${t("lessonCash")} ${money(p.cumulativeCash)}`,
    `${t("lessonStarted")} ${label(p.startTurn)} (${n.times(x.atStart, 1)})`,
    x.atReady === null
      ? `${t("lessonNotYet")} ${label(p.readyTurn)}`
      : `${t("lessonOnStream")} ${label(p.readyTurn)} (${n.times(x.atReady, 1)})`,
    `${t("lessonNow")} ${n.times(x.atEnd, 1)}`,
  ];
  if (p.lossSinceTurn !== null) parts.push(`${t("lessonLosingSince")} ${label(p.lossSinceTurn)}`);
  if (p.fundedShare !== null)
    parts.push(fill(t("lessonWhole"), { share: n.pct(p.fundedShare, 0) }));
  return parts;
}

const sepOf = (tr: Tr) => (tr.locale === "ja" ? "、" : "; ");

/** The same as one line (for a sentence, an export). */
export const projectLine = (...a: Parameters<typeof projectParts>) =>
  projectParts(...a).join(sepOf(a[0]));

/** The share of home capacity gone abroad, the value added that left with it, and what drove it. */
export function relocationParts(
  tr: Tr,
  r: RelocationLesson,
  money: (v: number) => string,
): string[] {
  const { t, n } = tr;
  const driver =
    r.driver === "costGap"
      ? t("lessonDriverCostGap")
      : r.driver === "insecurity"
        ? t("lessonDriverInsecurity")
        : r.driver === "shortage"
          ? t("lessonDriverShortage")
          : t("lessonDriverNone");
  return [
    `${n.pct(r.movedAbroad)} ${t("lessonMovedAbroad")}`,
    `${money(r.valueAddedMovedAbroad)} ${t("lessonVaPerTurn")}`,
    driver,
  ];
}

export const relocationLine = (...a: Parameters<typeof relocationParts>) =>
  relocationParts(...a).join(sepOf(a[0]));
