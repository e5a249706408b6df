"use client";
import { errorText } from "../../data/error-text";
import type { Locale } from "../../i18n/messages";
import { makeTranslator } from "../../i18n/translator";
import { useBands, useComparison, useTimeline } from "../review-queries";
import { swap } from "./print-data";
import { PrintDebrief } from "./print-debrief";

/**
 * Loads what the handout prints — the timeline, the same Monte Carlo query as the review screen,
 * and the comparison with its parent (or first branch) — and marks the page ready for the PDF.
 */
export function PrintScreen({ locale }: { locale: Locale }) {
  const tr = makeTranslator(locale);
  const timeline = useTimeline();
  const tl = timeline.data;
  const other = tl ? (tl.lineage.parentId ?? tl.lineage.branches[0]?.sessionId) : undefined;
  const bands = useBands(Boolean(tl));
  const comparison = useComparison(other);
  const error = timeline.error ?? bands.error ?? comparison.error;
  if (error) return <p data-ready="error">{errorText(error)}</p>;
  if (!tl || !bands.data || (other && !comparison.data)) return <p>…</p>;
  // With no parent, this is the original: show it as such (compare answers a = this one).
  const cmp = comparison.data
    ? tl.lineage.parentId
      ? comparison.data
      : swap(comparison.data)
    : null;
  return <PrintDebrief tr={tr} tl={tl} bands={bands.data} cmp={cmp} />;
}
