"use client";
import { useSyncExternalStore } from "react";
import { useI18n } from "../i18n/use-i18n";
import { retryStatus } from "./lost-answer-retry";

const none = { attempt: 0, calls: 0 };

/**
 * Says so while a command whose answer was lost is being sent again (a failover takes a few
 * seconds), so the person waits instead of pressing again. A final failure is the call's own
 * error ("the server did not answer"), shown where the command was given.
 */
export function RetryNotice() {
  const { f } = useI18n();
  const s = useSyncExternalStore(retryStatus.subscribe, retryStatus.get, () => none);
  if (!s.calls) return null;
  return (
    <p className="notice warn" role="status" data-testid="retry-notice">
      {f("resending", { n: s.attempt })}
    </p>
  );
}
