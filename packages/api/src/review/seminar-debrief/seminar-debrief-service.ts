import {
  refusal,
  type SeminarDebrief,
  type SeminarTableRef,
  type TablesDebriefInput,
} from "@chokepoint/contracts";
import type { ExerciseService } from "../../service/exercise-service.ts";
import { openExercise } from "../open-exercise.ts";
import type { ReviewService } from "../review-service.ts";
import { buildSeminarDebrief } from "./build-debrief.ts";
import type { TableReview } from "./table-input.ts";

/** Runs behind each table's band: the review's own number, so both share one cached answer. */
export const DEBRIEF_BAND_RUNS = 200;
/** Tables read at once: each one's Monte Carlo waits in the pool's bounded queue. */
const AT_ONCE = 2;

/**
 * The seminar's cross-table debrief over its tables' logs. The caller has authorised (the
 * seminar's facilitator secret, or each table's facilitator token through `forTokens`); each
 * table is read as its own facilitator through the review, with the review's limits.
 */
export class SeminarDebriefService {
  constructor(
    private readonly review: ReviewService,
    private readonly exercises: ExerciseService,
  ) {}

  async seminarDebrief(tables: readonly SeminarTableRef[]): Promise<SeminarDebrief> {
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
        const ref = tables[i] as SeminarTableRef;
        const { timeline: tl, bands } = await this.review.readAsFacilitator(
          ref.exerciseId,
          DEBRIEF_BAND_RUNS,
        );
        reviews[i] = {
          label: ref.label,
          exerciseId: ref.exerciseId,
          title: tl.title,
          seed: tl.seed,
          status: tl.status,
          scenario: tl.scenario,
          turns: tl.turns,
          scorecard: tl.scorecard,
          bands,
        };
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
