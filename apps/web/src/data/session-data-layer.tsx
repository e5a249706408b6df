"use client";
import type { ReactNode } from "react";
import { useI18n } from "../i18n/use-i18n";
import { DataLayer } from "./data-layer";
import { useSessionToken } from "./token-store";

/**
 * The data layer for a page about one exercise: mounted once this device's token for it has
 * been read, so the page's one client carries it from the first call.
 */
export function SessionDataLayer({
  sessionId,
  children,
}: {
  sessionId: string;
  children: (token: string) => ReactNode;
}) {
  const { t } = useI18n();
  const { token, checked } = useSessionToken(sessionId);
  if (!checked) return <p className="card">{t("connecting")}</p>;
  if (!token) return <p className="card">{t("notSignedIn")}</p>;
  return <DataLayer token={token}>{children(token)}</DataLayer>;
}
