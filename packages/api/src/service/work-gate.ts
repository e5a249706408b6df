import { refusal } from "@chokepoint/contracts";

/**
 * At most `concurrent` tasks run at once, `waiting` more wait their turn, and any beyond are
 * refused at once with `rate_limited` — for work that reads a whole log (exports, timelines,
 * forks): 60 exports started together took the process to 4.2 GB and froze it for 97 s.
 */
export class WorkGate {
  private active = 0;
  private readonly queue: (() => void)[] = [];
  constructor(
    private readonly concurrent: number,
    private readonly waiting: number,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.concurrent) {
      if (this.queue.length >= this.waiting)
        throw refusal("busy_with_log_reads", {}, { retryAfterMs: 5000 });
      await new Promise<void>((r) => this.queue.push(r));
    } else this.active++;
    try {
      return await task();
    } finally {
      const next = this.queue.shift();
      // The slot passes straight to the next waiter, or is freed.
      if (next) next();
      else this.active--;
    }
  }
}
