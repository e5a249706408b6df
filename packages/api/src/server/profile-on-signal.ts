import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { join } from "node:path";

/**
 * For benchmarks: SIGUSR2 starts a CPU profile of this process, the next SIGUSR2 writes it to
 * `dir` (a .cpuprofile for Chrome's DevTools). Unlike `--cpu-prof`, it leaves out start-up and
 * the benchmark's set-up, so the profile shows the burst being measured.
 */
export function profileOnSignal(dir: string): void {
  const session = new Session();
  session.connect();
  let running = false;
  process.on("SIGUSR2", () => {
    void (async () => {
      if (!running) {
        running = true;
        await session.post("Profiler.enable");
        await session.post("Profiler.start");
        return;
      }
      running = false;
      const { profile } = await session.post("Profiler.stop");
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        join(dir, `burst-${process.pid}-${Date.now()}.cpuprofile`),
        JSON.stringify(profile),
      );
    })();
  });
}
