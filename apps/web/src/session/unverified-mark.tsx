import type { Translator } from "../i18n/translator";

/**
 * Said wherever an imported exercise shows (console, review, PDF): its file carried no state
 * hash for some resolved turn, so its results were accepted without being checked.
 */
export function UnverifiedMark({ tr, unverified }: { tr: Translator; unverified: boolean }) {
  if (!unverified) return null;
  return (
    <p className="notice warn" role="note" data-testid="unverified-mark">
      {tr.t("unverifiedImport")}
    </p>
  );
}
