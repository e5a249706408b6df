"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { errorText } from "../data/error-text";
import { useTRPC } from "../data/trpc";
import { useI18n } from "../i18n/use-i18n";
import { download } from "../shared/download";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * The seminar's exports: the workbook and the CSV in the page's language (read fresh on each
 * click), and the PDF in either language, printed by the server's Chromium.
 */
export function DebriefExports({
  seminarId,
  secret,
  onError,
}: {
  seminarId: string;
  secret: string;
  onError: (message: string) => void;
}) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const fresh = { staleTime: 0, gcTime: 0 };
  const file = useMutation({
    mutationKey: ["seminar-debrief", "export"],
    mutationFn: async (kind: "xlsx" | "csv") => {
      const input = { seminarId, lang: locale };
      if (kind === "xlsx") {
        const book = await queryClient.fetchQuery(
          trpc.seminar.exportXlsx.queryOptions(input, fresh),
        );
        const bytes = Uint8Array.from(atob(book.base64), (c) => c.charCodeAt(0));
        return download(book.filename, bytes, XLSX);
      }
      const csv = await queryClient.fetchQuery(trpc.seminar.exportCsv.queryOptions(input, fresh));
      download(csv.filename, csv.csv, "text/csv;charset=utf-8");
    },
    onError: (e) => onError(errorText(e)),
  });
  // The PDF is a file from the server's own handler, not a tRPC call.
  const pdf = useMutation({
    mutationKey: ["seminar-debrief", "pdf"],
    mutationFn: async (lang: "ja" | "en") => {
      const res = await fetch(
        `/export/seminar.pdf?lang=${lang}&m=${encodeURIComponent(seminarId)}`,
        { headers: { authorization: `Bearer ${secret}` } },
      );
      if (!res.ok) return onError(await res.text());
      download(`seminar-debrief-${lang}.pdf`, await res.arrayBuffer(), "application/pdf");
    },
  });
  const busy = file.isPending || pdf.isPending;
  return (
    <div className="actions">
      <button
        type="button"
        data-testid="debrief-xlsx"
        disabled={busy}
        onClick={() => file.mutate("xlsx")}
      >
        {t("sdXlsx")}
      </button>
      <button
        type="button"
        data-testid="debrief-csv"
        disabled={busy}
        onClick={() => file.mutate("csv")}
      >
        {t("sdCsv")}
      </button>
      <button
        type="button"
        data-testid="debrief-pdf-ja"
        disabled={busy}
        onClick={() => pdf.mutate("ja")}
      >
        {t("sdPdfJa")}
      </button>
      <button
        type="button"
        data-testid="debrief-pdf-en"
        disabled={busy}
        onClick={() => pdf.mutate("en")}
      >
        {t("sdPdfEn")}
      </button>
    </div>
  );
}
