"use client";
import { useState } from "react";
import { useI18n } from "../../i18n/use-i18n";

/**
 * A file field that speaks the page's language: the browser's own button reads "Choose File /
 * No file chosen" in the browser's language whatever the page's, so a Japanese page showed
 * English. The input stays in the page (hidden from sight, not from keyboards or screen readers).
 */
export function FilePicker({
  testId,
  accept,
  onPick,
}: {
  testId: string;
  accept: string;
  onPick: (file: File | undefined) => void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState<string | null>(null);
  return (
    <label className="file-picker" data-testid={`${testId}-picker`}>
      <span className="file-picker-button">{t("chooseFile")}</span>{" "}
      <span className="muted" data-testid={`${testId}-name`}>
        {name ?? t("noFileChosen")}
      </span>
      <input
        type="file"
        className="visually-hidden"
        accept={accept}
        data-testid={testId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          setName(file?.name ?? null);
          onPick(file);
        }}
      />
    </label>
  );
}
