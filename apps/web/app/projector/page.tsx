"use client";
import { useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { ProjectorScreen } from "../../src/console/projector-screen";
import { SessionDataLayer } from "../../src/data/session-data-layer";

function Projector() {
  const sessionId = useSearchParams().get("s") ?? "";
  return (
    <SessionDataLayer key={sessionId} sessionId={sessionId}>
      {(token) => <ProjectorScreen sessionId={sessionId} token={token} />}
    </SessionDataLayer>
  );
}

export default function ProjectorPage() {
  return (
    <Suspense>
      <Projector />
    </Suspense>
  );
}
