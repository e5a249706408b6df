"use client";
import { useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { PlenaryScreen } from "../../../src/seminar/plenary-screen";
import { SeminarDataLayer } from "../../../src/seminar/seminar-data-layer";

function Plenary() {
  const seminarId = useSearchParams().get("m") ?? "";
  return (
    <SeminarDataLayer key={seminarId} seminarId={seminarId}>
      {(secret) => <PlenaryScreen seminarId={seminarId} secret={secret} />}
    </SeminarDataLayer>
  );
}

export default function PlenaryPage() {
  return (
    <Suspense>
      <Plenary />
    </Suspense>
  );
}
