"use client";
import { DataLayer } from "../src/data/data-layer";
import { CreateForm } from "../src/home/create-form";
import { ImportForm } from "../src/home/import-form";
import { JoinForm } from "../src/home/join-form";
import { MyExercises } from "../src/home/my-exercises";
import { useI18n } from "../src/i18n/use-i18n";
import { TopBar } from "../src/shared/top-bar";

export default function Home() {
  const { t } = useI18n();
  return (
    <DataLayer token={null}>
      <TopBar />
      {/* Participants typing the site's address come to join: that comes first. */}
      <main className="grid">
        <JoinForm />
        <MyExercises />
      </main>
      <h2 className="section-heading">{t("runExercise")}</h2>
      <main className="grid">
        <CreateForm />
        <ImportForm />
      </main>
      <p className="section-heading">
        <a href="/seminar/new" data-testid="run-seminar">
          {t("semRunLink")}
        </a>
      </p>
    </DataLayer>
  );
}
