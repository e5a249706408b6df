"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../data/trpc";
import { useI18n } from "../i18n/use-i18n";
import { download } from "../shared/download";

/**
 * The review's exports: the event log as JSON, the turns as CSV, and the debrief PDF rendered
 * by the server. Exports are read fresh on each click (never from the cache).
 */
export function ReviewExports({
  sessionId,
  token,
  onError,
}: {
  sessionId: string;
  token: string;
  onError: (message: string) => void;
}) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const fresh = { staleTime: 0, gcTime: 0 };
  // The PDF is a file download, not a tRPC call; a mutation still gives it a key and a busy state.
  const pdf = useMutation({
    mutationKey: ["export", "aar.pdf"],
    mutationFn: async () => {
      const res = await fetch(`/export/aar.pdf?lang=${locale}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (!res.ok) return onError(await res.text());
      download(`aar-${sessionId}-${locale}.pdf`, await res.arrayBuffer(), "application/pdf");
    },
  });
  return (
    <div className="actions">
      <button
        type="button"
        data-testid="export-json"
        onClick={async () =>
          download(
            `exercise-${sessionId}.json`,
            JSON.stringify(
              await queryClient.fetchQuery(trpc.review.exportJson.queryOptions(undefined, fresh)),
              null,
              2,
            ),
            "application/json",
          )
        }
      >
        {t("exportJson")}
      </button>
      <button
        type="button"
        data-testid="export-csv"
        onClick={async () =>
          download(
            `exercise-${sessionId}-${locale}.csv`,
            await queryClient.fetchQuery(trpc.review.exportCsv.queryOptions({ locale }, fresh)),
            "text/csv",
          )
        }
      >
        {t("exportCsv")}
      </button>
      <button
        type="button"
        data-testid="export-pdf"
        onClick={() => pdf.mutate()}
        disabled={pdf.isPending}
      >
        {t("exportPdf")}
      </button>
    </div>
  );
}
