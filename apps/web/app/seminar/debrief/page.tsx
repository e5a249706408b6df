"use client";
import { useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { useI18n } from "../../../src/i18n/use-i18n";
import { SeminarDataLayer } from "../../../src/seminar/seminar-data-layer";
import { DebriefScreen } from "../../../src/seminar-debrief/debrief-screen";
import { TopBar } from "../../../src/shared/top-bar";

function Debrief() {
  const seminarId = useSearchParams().get("m") ?? "";
  return (
    <SeminarDataLayer key={seminarId} seminarId={seminarId}>
      {(secret) => <DebriefScreen seminarId={seminarId} secret={secret} />}
    </SeminarDataLayer>
  );
}

export default function SeminarDebriefPage() {
  const { t } = useI18n();
  return (
    <>
      <TopBar subtitle={t("sdTitle")} />
      <main>
        <Suspense>
          <Debrief />
        </Suspense>
      </main>
    </>
  );
}
