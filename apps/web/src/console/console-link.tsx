"use client";
import { useState } from "react";
import { useJoinBase } from "../data/join-link";
import { useI18n } from "../i18n/use-i18n";

/**
 * The facilitator's secret link: opens this console on another device (a second facilitator,
 * a tablet at the front). The token rides in the fragment, which browsers never send.
 */
export function ConsoleLink({ sessionId, token }: { sessionId: string; token: string }) {
  const { t } = useI18n();
  const base = useJoinBase();
  const [copied, setCopied] = useState(false);
  if (!base) return null;
  const link = `${base.base}/facilitate?s=${sessionId}#key=${token}`;
  return (
    <details className="card" data-testid="console-link">
      <summary>{t("consoleLink")}</summary>
      <p className="muted">{t("consoleLinkHint")}</p>
      <p>
        <input
          readOnly
          value={link}
          data-testid="console-link-url"
          onFocus={(e) => e.target.select()}
        />{" "}
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard?.writeText(link).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? t("copied") : t("copy")}
        </button>
      </p>
    </details>
  );
}
