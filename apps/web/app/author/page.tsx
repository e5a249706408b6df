"use client";
import { AuthorScreen } from "../../src/authoring/author-screen";
import { DataLayer } from "../../src/data/data-layer";
import { useI18n } from "../../src/i18n/use-i18n";
import { TopBar } from "../../src/shared/top-bar";

export default function AuthorPage() {
  const { t } = useI18n();
  return (
    <DataLayer token={null}>
      <TopBar subtitle={t("authorTitle")} />
      <AuthorScreen />
    </DataLayer>
  );
}
