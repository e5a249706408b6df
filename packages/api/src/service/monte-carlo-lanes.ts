/**
 * Jobs in lanes, one lane per exercise, served in turn: `next()` gives the oldest job of the
 * lane whose turn it is and sends that lane to the back. A long job then shares its thread
 * with every other exercise's jobs instead of holding them behind it for its whole length
 * (one request held the single Monte Carlo worker for 48 s while the review page's own waited).
 * Within a lane, jobs keep their order.
 */
export class Lanes<J extends { id: number; lane: string }> {
  private readonly lanes = new Map<string, J[]>();

  add(job: J): void {
    const lane = this.lanes.get(job.lane);
    if (lane) lane.push(job);
    else this.lanes.set(job.lane, [job]);
  }

  /** Takes the job out (finished, cancelled or stopped); its lane keeps its place. */
  remove(id: number): J | undefined {
    for (const [key, lane] of this.lanes) {
      const i = lane.findIndex((j) => j.id === id);
      if (i < 0) continue;
      const [job] = lane.splice(i, 1);
      if (!lane.length) this.lanes.delete(key);
      return job;
    }
    return undefined;
  }

  /** The job to work on next: the head of the first lane, which then goes to the back. */
  next(): J | undefined {
    const first = this.lanes.entries().next();
    if (first.done) return undefined;
    const [key, lane] = first.value;
    // A Map iterates in insertion order: re-inserting moves the lane to the back.
    this.lanes.delete(key);
    this.lanes.set(key, lane);
    return lane[0];
  }

  get size(): number {
    let n = 0;
    for (const lane of this.lanes.values()) n += lane.length;
    return n;
  }
}
