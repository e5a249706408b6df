"use client";
import type { WorkbookGrid } from "@chokepoint/contracts";
import type { Scenario } from "@chokepoint/engine";
import { useEffect, useRef, useState } from "react";
import type { PreviewAnswer, PreviewRequest } from "./preview-protocol";

/** The preview's fixed seed: the same cells always show the same figures. */
const PREVIEW_SEED = 1;

/**
 * Runs the editor's cells through the preview worker on every edit and keeps the newest
 * answer. `pending` is true from an edit until its answer arrives.
 */
export function usePreview(grid: WorkbookGrid | null, base: Scenario | undefined) {
  const worker = useRef<Worker | null>(null);
  const [answer, setAnswer] = useState<PreviewAnswer | null>(null);
  const [sent, setSent] = useState(0);
  const next = useRef(0);
  useEffect(() => {
    const w = new Worker(new URL("./preview.worker.ts", import.meta.url), { type: "module" });
    w.onmessage = (e: MessageEvent<PreviewAnswer>) =>
      setAnswer((cur) => (cur && cur.id > e.data.id ? cur : e.data));
    worker.current = w;
    return () => w.terminate();
  }, []);
  useEffect(() => {
    if (!base || !worker.current) return;
    worker.current.postMessage({ type: "base", base } satisfies PreviewRequest);
  }, [base]);
  useEffect(() => {
    if (!grid || !worker.current) return;
    const id = ++next.current;
    setSent(id);
    worker.current.postMessage({
      type: "grid",
      id,
      grid,
      seed: PREVIEW_SEED,
    } satisfies PreviewRequest);
  }, [grid, base]);
  return { answer, pending: answer === null || answer.id < sent };
}
