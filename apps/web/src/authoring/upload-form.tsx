"use client";
import { AUTHORING_LIMITS, type UploadedWorkbook } from "@chokepoint/contracts";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { errorText } from "../data/error-text";
import { useTRPC } from "../data/trpc";
import { useI18n } from "../i18n/use-i18n";
import { FilePicker } from "../shared/form/file-picker";

const KB = 1000;

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  // In chunks: one String.fromCharCode over a megabyte overflows the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Picks an xlsx, checks its size here (the server checks again), and has the server read it. */
export function UploadForm({
  onRead,
}: {
  onRead: (r: UploadedWorkbook, fileName: string) => void;
}) {
  const { t, f } = useI18n();
  const trpc = useTRPC();
  const upload = useMutation(trpc.library.upload.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const pick = async (file: File | undefined) => {
    setError(null);
    if (!file) return;
    if (file.size > AUTHORING_LIMITS.workbookBytes) {
      setError(
        f("uploadTooLarge", {
          kb: Math.ceil(file.size / KB),
          max: AUTHORING_LIMITS.workbookBytes / KB,
        }),
      );
      return;
    }
    try {
      const r = await upload.mutateAsync({ fileName: file.name, dataBase64: await base64Of(file) });
      onRead(r, file.name);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <section className="card" data-testid="upload">
      <h3>{t("uploadTitle")}</h3>
      <FilePicker
        testId="upload-file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onPick={(file) => void pick(file)}
      />
      <p className="muted">
        {f("uploadLimit", {
          kb: AUTHORING_LIMITS.workbookBytes / KB,
          rows: AUTHORING_LIMITS.rowsPerSheet,
        })}
      </p>
      {upload.isPending ? <p className="muted">{t("uploadReading")}</p> : null}
      {error ? (
        <p className="error" role="alert" data-testid="upload-error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
