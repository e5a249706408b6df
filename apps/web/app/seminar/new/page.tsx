"use client";
import { DataLayer } from "../../../src/data/data-layer";
import { useI18n } from "../../../src/i18n/use-i18n";
import { CreateSeminarForm } from "../../../src/seminar/create-seminar-form";
import { TopBar } from "../../../src/shared/top-bar";

export default function NewSeminarPage() {
  const { t } = useI18n();
  return (
    <DataLayer token={null}>
      <TopBar subtitle={t("semTitle")} />
      <main>
        <CreateSeminarForm />
      </main>
    </DataLayer>
  );
}
