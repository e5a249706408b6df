import type { ServerResponse } from "node:http";
import type { IntervalHistogram } from "node:perf_hooks";

/**
 * Answers a benchmark's `GET /bench/loop-delay`: the server's own event-loop delay since the last
 * reading (p50, p99, max in ms, from `monitorEventLoopDelay`), then starts a new measurement, so
 * each phase of a benchmark reads its own. Both the API-only server and the web server serve it
 * when started for a benchmark.
 */
export function answerLoopDelay(loop: IntervalHistogram, res: ServerResponse): void {
  const ms = (ns: number) => Math.round(ns / 1e4) / 100;
  const figures = {
    p50: ms(loop.percentile(50)),
    p99: ms(loop.percentile(99)),
    max: ms(loop.max),
  };
  loop.reset();
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(figures));
}
