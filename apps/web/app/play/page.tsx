"use client";
import { useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { SessionDataLayer } from "../../src/data/session-data-layer";
import { PlayScreen } from "../../src/live/play-screen";
import { TopBar } from "../../src/shared/top-bar";

function Play() {
  const sessionId = useSearchParams().get("s") ?? "";
  return (
    <SessionDataLayer key={sessionId} sessionId={sessionId}>
      {(token) => <PlayScreen sessionId={sessionId} token={token} />}
    </SessionDataLayer>
  );
}

export default function PlayPage() {
  return (
    <>
      <TopBar />
      <main>
        <Suspense>
          <Play />
        </Suspense>
      </main>
    </>
  );
}
