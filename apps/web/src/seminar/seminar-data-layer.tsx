"use client";
import type { ReactNode } from "react";
import { DataLayer } from "../data/data-layer";
import { useI18n } from "../i18n/use-i18n";
import { useSeminarSecret } from "./seminar-secret";

/**
 * The data layer for a seminar's facilitator pages: mounted once this device's secret for the
 * seminar has been read, so every call carries it as the bearer token (never in a URL).
 */
export function SeminarDataLayer({
  seminarId,
  children,
}: {
  seminarId: string;
  children: (secret: string) => ReactNode;
}) {
  const { t } = useI18n();
  const { secret, checked } = useSeminarSecret(seminarId);
  if (!checked) return <p className="card">{t("connecting")}</p>;
  if (!secret) return <p className="card error">{t("semNoSecret")}</p>;
  return <DataLayer token={secret}>{children(secret)}</DataLayer>;
}
