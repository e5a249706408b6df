"use client";
import { useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { DataLayer } from "../../../src/data/data-layer";
import { RoomJoinScreen } from "../../../src/seminar/room-join-screen";
import { TopBar } from "../../../src/shared/top-bar";

function Room() {
  const code = useSearchParams().get("code") ?? "";
  return (
    <DataLayer token={null}>
      <TopBar />
      <main>
        <RoomJoinScreen initialCode={code} />
      </main>
    </DataLayer>
  );
}

export default function RoomPage() {
  return (
    <Suspense>
      <Room />
    </Suspense>
  );
}
