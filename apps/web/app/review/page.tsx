"use client";
import { useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { SessionDataLayer } from "../../src/data/session-data-layer";
import { useI18n } from "../../src/i18n/use-i18n";
import { ReviewScreen } from "../../src/review/review-screen";
import { TopBar } from "../../src/shared/top-bar";

function Review() {
  const params = useSearchParams();
  const sessionId = params.get("s") ?? "";
  return (
    // Keyed by the exercise: a fork opens its branch's review with a cache of its own.
    <SessionDataLayer key={sessionId} sessionId={sessionId}>
      {(token) => (
        <ReviewScreen sessionId={sessionId} token={token} compareWith={params.get("compare")} />
      )}
    </SessionDataLayer>
  );
}

export default function ReviewPage() {
  const { t } = useI18n();
  return (
    <>
      <TopBar subtitle={t("review")} />
      <main>
        <Suspense>
          <Review />
        </Suspense>
      </main>
    </>
  );
}
