"use client";
import { useSearchParams } from "next/navigation";
import { Suspense, useEffect, useState } from "react";
import { DataLayer } from "../../../../src/data/data-layer";
import { DebriefPrint } from "../../../../src/seminar-debrief/debrief-print";

/**
 * The seminar's secret comes in the URL fragment (never in a request line or a log), read once
 * the page runs; unlike the console it is not kept on the device (the PDF's browser is shared).
 */
function Print() {
  const params = useSearchParams();
  const locale = params.get("lang") === "ja" ? "ja" : "en";
  const seminarId = params.get("m") ?? "";
  const [secret, setSecret] = useState<string | null | undefined>(undefined);
  useEffect(() => setSecret(new URLSearchParams(window.location.hash.slice(1)).get("key")), []);
  if (secret === undefined) return <p>…</p>;
  return (
    <DataLayer token={secret}>
      <DebriefPrint seminarId={seminarId} locale={locale} />
    </DataLayer>
  );
}

export default function SeminarDebriefPrintPage() {
  return (
    <Suspense>
      <Print />
    </Suspense>
  );
}
