import { charLimitText, type LimitWords, rangeText } from "./limit-text";

/**
 * A text field's server limit beside it, before anything is sent (the field's `maxLength` stops
 * typing at the limit; this says why, and how close the text is).
 */
export function LimitHint({
  tr,
  value,
  max,
  min,
}: {
  tr: LimitWords;
  value: string;
  max: number;
  /** A lower bound other than "not empty" (an override's reason). */
  min?: number;
}) {
  return <small className="muted limit-hint">{charLimitText(tr, value, max, min)}</small>;
}

/** A number field's range beside it, in words. */
export function RangeHint({
  tr,
  message,
  min,
  max,
}: {
  tr: LimitWords;
  message: "limitSeed" | "limitSeconds";
  min: number;
  max: number;
}) {
  return <small className="muted limit-hint">{rangeText(tr, message, min, max)}</small>;
}
