"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "../i18n/use-i18n";
import { download } from "../shared/download";

/** Downloads the table cards PDF (a file, not a tRPC call; the secret goes as the bearer token). */
export function CardsButton({ seminarId, secret }: { seminarId: string; secret: string }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const pdf = useMutation({
    mutationKey: ["export", "table-cards.pdf"],
    mutationFn: async () => {
      const res = await fetch(`/export/table-cards.pdf?m=${encodeURIComponent(seminarId)}`, {
        headers: { authorization: `Bearer ${secret}` },
      });
      if (!res.ok) return setError(await res.text());
      setError(null);
      download(`table-cards-${seminarId}.pdf`, await res.arrayBuffer(), "application/pdf");
    },
  });
  return (
    <>
      <button
        type="button"
        data-testid="table-cards"
        disabled={pdf.isPending}
        onClick={() => pdf.mutate()}
      >
        {t("semCards")}
      </button>
      {error ? <span className="error"> {error}</span> : null}
    </>
  );
}
