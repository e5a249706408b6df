import { monitorEventLoopDelay } from "node:perf_hooks";
import type { ExportedExercise } from "@chokepoint/contracts";
import { describe, expect, it } from "vitest";
import { reviewForFile, runningExercise } from "./service-fixture.ts";

const fx = reviewForFile();

/** An export whose first turn holds `n` legal re-locks of one team's (empty) decision. */
async function bigExport(n: number): Promise<ExportedExercise> {
  const ex = await runningExercise(fx.service);
  await fx.service.execute("lock", ex.meti.token, { turn: 0, actions: [] });
  const file = await fx.review.exportJson(ex.facilitator);
  const lock = file.events.find((e) => e.event.type === "decisions_locked");
  if (!lock) throw new Error("no lock in the export");
  const before = file.events.slice(0, file.events.indexOf(lock));
  const relocks = Array.from({ length: n }, () => ({ ...lock }));
  const events = [...before, ...relocks].map((e, i) => ({ ...e, seq: i + 1 }));
  return { ...file, events };
}

describe("a huge import does not freeze the server", () => {
  it("40,000 re-locks import in batches while another exercise's lock round trip stays fast and the event loop keeps turning", async () => {
    const file = await bigExport(40_000);
    const other = await runningExercise(fx.service);
    // The same measurements without the import, in the same run: the baseline (this machine is
    // shared; its quiet figures move with the load on it).
    const lockTrips = async (n: number) => {
      const trips: number[] = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        await fx.service.execute("lock", other.meti.token, { turn: 0, actions: [] });
        trips.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 30));
      }
      return trips;
    };
    const quiet = monitorEventLoopDelay({ resolution: 10 });
    quiet.enable();
    const quietTrips = await lockTrips(10);
    quiet.disable();
    const quietP99 = quiet.percentile(99) / 1e6;
    const quietWorst = Math.max(...quietTrips);
    // Event-loop delay as Node measures it; p99 rather than the single worst sample, which on
    // a shared machine also counts the moments the OS gave the core to another process.
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    const importing = fx.review.importJson({ facilitatorName: "Imp", exercise: file });
    // Locks in the other exercise while the import runs.
    await new Promise((r) => setTimeout(r, 50));
    const roundTrips = await lockTrips(10);
    const imported = await importing;
    const seconds = (performance.now() - started) / 1000;
    delay.disable();
    const worstTrip = Math.max(...roundTrips);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const medianTrip = median(roundTrips);
    const quietMedian = median(quietTrips);
    const p99 = delay.percentile(99) / 1e6;
    const max = delay.max / 1e6;
    console.log(
      `import of 40,000 events: ${seconds.toFixed(1)} s; meanwhile another exercise's lock round trip median ${medianTrip.toFixed(0)} ms, worst ${worstTrip.toFixed(0)} ms, event-loop delay p99 ${p99.toFixed(0)} ms (max ${max.toFixed(0)} ms); without the import: median trip ${quietMedian.toFixed(0)} ms, worst ${quietWorst.toFixed(0)} ms, p99 ${quietP99.toFixed(0)} ms`,
    );
    expect(imported.sessionId).toBeTruthy();
    // "~200 ms" (the issue): typically 5–25 ms here. Before the batching every request waited
    // the whole import (27.5 s). The typical trip is held tight against the same run's quiet
    // figure; the single worst trip only loosely, since on a shared 2-core machine one trip can
    // lose the core to another process or meet a garbage-collection pause of the import (it
    // once read 327 ms under a load average of 8 while the median stayed low).
    expect(medianTrip).toBeLessThan(Math.max(100, 5 * quietMedian));
    expect(worstTrip).toBeLessThan(Math.max(1000, 10 * quietWorst));
    expect(p99).toBeLessThan(Math.max(150, 5 * quietP99 + 50));
  }, 180_000);
});
