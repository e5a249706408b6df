"use client";
import { useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { useI18n } from "../../src/i18n/use-i18n";
import { MissionControlScreen } from "../../src/seminar/mission-control-screen";
import { SeminarDataLayer } from "../../src/seminar/seminar-data-layer";
import { TopBar } from "../../src/shared/top-bar";

function MissionControl() {
  const seminarId = useSearchParams().get("m") ?? "";
  return (
    <SeminarDataLayer key={seminarId} seminarId={seminarId}>
      {(secret) => <MissionControlScreen seminarId={seminarId} secret={secret} />}
    </SeminarDataLayer>
  );
}

export default function SeminarPage() {
  const { t } = useI18n();
  return (
    <>
      <TopBar subtitle={t("semMission")} />
      <main>
        <Suspense>
          <MissionControl />
        </Suspense>
      </main>
    </>
  );
}
