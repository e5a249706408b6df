"use client";
import { useSearchParams } from "next/navigation";
import { Suspense, useEffect, useState } from "react";
import { DataLayer } from "../../../src/data/data-layer";
import { PrintScreen } from "../../../src/review/print/print-screen";

/**
 * The token comes in the URL fragment (never sent to the server in a request line or logged);
 * it is read once the page runs in the browser.
 */
function Print() {
  const locale = useSearchParams().get("lang") === "ja" ? "ja" : "en";
  const [token, setToken] = useState<string | null | undefined>(undefined);
  useEffect(() => setToken(new URLSearchParams(window.location.hash.slice(1)).get("t")), []);
  if (token === undefined) return <p>…</p>;
  return (
    <DataLayer token={token}>
      <PrintScreen locale={locale} />
    </DataLayer>
  );
}

export default function PrintPage() {
  return (
    <Suspense>
      <Print />
    </Suspense>
  );
}
