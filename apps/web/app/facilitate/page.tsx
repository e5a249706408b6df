"use client";
import { useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { ConsoleScreen } from "../../src/console/console-screen";
import { SessionDataLayer } from "../../src/data/session-data-layer";
import { useI18n } from "../../src/i18n/use-i18n";
import { TopBar } from "../../src/shared/top-bar";

function Console() {
  const sessionId = useSearchParams().get("s") ?? "";
  return (
    <SessionDataLayer key={sessionId} sessionId={sessionId}>
      {(token) => <ConsoleScreen sessionId={sessionId} token={token} />}
    </SessionDataLayer>
  );
}

export default function FacilitatePage() {
  const { t } = useI18n();
  return (
    <>
      <TopBar subtitle={t("console")} />
      <main>
        <Suspense>
          <Console />
        </Suspense>
      </main>
    </>
  );
}
