import {
  type DebriefTableRef,
  refusal,
  type SeminarDebrief,
  type TablesDebriefInput,
} from "@chokepoint/contracts";
import { DEFAULT_LIMITS, type Limits } from "../../limits.ts";
import type { SeminarService } from "../../seminar/seminar-service.ts";
import type { ExerciseService } from "../../service/exercise-service.ts";
import { RateLimit } from "../../service/rate-limit.ts";
import { openExercise } from "../open-exercise.ts";
import type { ReviewService } from "../review-service.ts";
import { buildSeminarDebrief } from "./build-debrief.ts";
import { seminarDebriefCsv } from "./debrief-exports.ts";
import { readTable } from "./read-table.ts";
import type { TableReview } from "./table-input.ts";
import { xlsxOffLoop } from "./xlsx-off-loop.ts";

/** Runs behind each table's band: the review's own number, so both share one cached answer. */
export const DEBRIEF_BAND_RUNS = 200;
type Locale = "ja" | "en";
/** Tables read at once: each one's Monte Carlo waits in the pool's bounded queue. */
const AT_ONCE = 2;

/**
 * The seminar's cross-table debrief over its tables' logs. The caller has authorised (the
 * seminar's facilitator secret, or each table's facilitator token through `forTokens`); each
 * table is read as its own facilitator through the review, with the review's limits.
 */
export class SeminarDebriefService {
  /** Debriefs and exports per seminar per minute: each reads every table's whole log. */
  private readonly rate: RateLimit;
  constructor(
    private readonly review: ReviewService,
    private readonly exercises: ExerciseService,
    private readonly limits: Pick<Limits, "logReads"> = DEFAULT_LIMITS,
  ) {
    this.rate = new RateLimit(this.limits.logReads.perMemberPerMinute, 60_000);
  }

  /** A stored seminar's debrief, for the holder of its facilitator secret. */
  async forSeminar(seminars: SeminarService, seminarId: string, secret: unknown) {
    const { tables } = await seminars.open(seminarId, secret);
    const wait = this.rate.take(seminarId);
    if (wait > 0)
      throw refusal(
        "debrief_rate_limited",
        {
          perMinute: this.limits.logReads.perMemberPerMinute,
          seconds: Math.ceil(wait / 1000),
        },
        { retryAfterMs: wait },
      );
    return this.seminarDebrief(tables.map((t) => ({ label: t.label, exerciseId: t.exerciseId })));
  }

  async xlsxFor(seminars: SeminarService, seminarId: string, secret: unknown, lang: Locale) {
    const d = await this.forSeminar(seminars, seminarId, secret);
    const book = await xlsxOffLoop(d, lang);
    return { filename: `seminar-debrief-${lang}.xlsx`, base64: book.toString("base64") };
  }

  async csvFor(seminars: SeminarService, seminarId: string, secret: unknown, lang: Locale) {
    const d = await this.forSeminar(seminars, seminarId, secret);
    return { filename: `seminar-debrief-${lang}.csv`, csv: seminarDebriefCsv(d, lang) };
  }

  async seminarDebrief(tables: readonly DebriefTableRef[]): Promise<SeminarDebrief> {
    const seen = new Set<string>();
    for (const t of tables) {
      if (seen.has(t.label) || seen.has(`#${t.exerciseId}`))
        throw refusal("debrief_duplicate_table", { table: t.label });
      seen.add(t.label).add(`#${t.exerciseId}`);
    }
    const reviews: TableReview[] = new Array(tables.length);
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < tables.length; i = next++) {
        const ref = tables[i] as DebriefTableRef;
        const { state, log, bands } = await this.review.readAsFacilitator(
          ref.exerciseId,
          DEBRIEF_BAND_RUNS,
        );
        reviews[i] = readTable(ref, state, log, bands);
      }
    };
    await Promise.all(Array.from({ length: Math.min(AT_ONCE, tables.length) }, worker));
    const first = reviews[0];
    const odd = reviews.find((r) => r.scenario.id !== first?.scenario.id);
    if (odd) throw refusal("debrief_mixed_scenarios", { table: odd.label });
    return buildSeminarDebrief(reviews, DEBRIEF_BAND_RUNS);
  }

  /**
   * Without a stored seminar: each table comes with its facilitator's token, checked by the
   * exercise's own rule (the facilitator of that very exercise) before anything is read.
   */
  async forTokens(input: Pick<TablesDebriefInput, "tables">): Promise<SeminarDebrief> {
    for (const t of input.tables) {
      const { state, me } = await openExercise(this.exercises, t.facilitatorToken, "review");
      if (me.role !== "facilitator") throw refusal("facilitator_only", {});
      if (state.genesis.sessionId !== t.exerciseId)
        throw refusal("debrief_table_mismatch", { table: t.label });
    }
    return this.seminarDebrief(
      input.tables.map((t) => ({ label: t.label, exerciseId: t.exerciseId })),
    );
  }
}
