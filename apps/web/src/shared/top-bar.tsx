"use client";
import { useI18n } from "../i18n/use-i18n";

export function TopBar({ subtitle }: { subtitle?: string }) {
  const { t, toggle } = useI18n();
  return (
    <header className="top">
      <h1>
        {t("appName")}
        {subtitle ? ` — ${subtitle}` : ""}
      </h1>
      <button type="button" className="nowrap" onClick={toggle} data-testid="language">
        {t("language")}
      </button>
    </header>
  );
}
