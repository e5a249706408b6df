"use client";
import { useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { DataLayer } from "../../src/data/data-layer";
import { JoinForm } from "../../src/home/join-form";
import { TopBar } from "../../src/shared/top-bar";

function Join() {
  const code = useSearchParams().get("code") ?? "";
  return (
    <DataLayer token={null}>
      <TopBar />
      <main>
        <JoinForm initialCode={code} />
      </main>
    </DataLayer>
  );
}

export default function JoinPage() {
  return (
    <Suspense>
      <Join />
    </Suspense>
  );
}
