"use client";
import { useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { JoinForm } from "../../src/components/join-form";
import { TopBar } from "../../src/components/top-bar";

function Join() {
  const code = useSearchParams().get("code") ?? "";
  return (
    <>
      <TopBar />
      <main>
        <JoinForm initialCode={code} />
      </main>
    </>
  );
}

export default function JoinPage() {
  return (
    <Suspense>
      <Join />
    </Suspense>
  );
}
