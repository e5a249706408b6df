"use client";
import { useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { DataLayer } from "../../../src/data/data-layer";
import { TableCards } from "../../../src/seminar/table-cards";

const PRINT_CSS = `
  body { margin: 0; font-family: sans-serif; }
  .card-page { page-break-after: always; break-after: page; text-align: center; padding: 10mm; }
  .card-label { font-size: 40pt; margin: 6mm 0; }
  .card-code strong { font-size: 28pt; letter-spacing: 0.15em; }
  .card-link { color: #555; font-size: 10pt; }
`;

function Cards() {
  const code = useSearchParams().get("code") ?? "";
  return (
    <DataLayer token={null}>
      <style>{PRINT_CSS}</style>
      <TableCards roomCode={code} />
    </DataLayer>
  );
}

export default function TableCardsPage() {
  return (
    <Suspense>
      <Cards />
    </Suspense>
  );
}
