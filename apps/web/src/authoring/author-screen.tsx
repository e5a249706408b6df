"use client";
import { type CellIssue, EXAMPLE_COMPANY, workbookToGrid } from "@chokepoint/authoring/preview";
import type { SheetKey, UploadedWorkbook, WorkbookGrid } from "@chokepoint/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorText } from "../data/error-text";
import { useTRPC } from "../data/trpc";
import { useI18n } from "../i18n/use-i18n";
import { GridEditor } from "./grid-editor";
import { IssueList } from "./issue-list";
import { LibraryList } from "./library-list";
import { PreviewPanel } from "./preview-panel";
import { type Saved, SavePanel } from "./save-panel";
import { UploadForm } from "./upload-form";
import { usePreview } from "./use-preview";

const DEFAULT_BASE = "heavy-rare-earths-2025";

/**
 * Build your own scenario: upload a workbook (or open one from the library), fix its errors
 * at their cells with a live preview from the browser's worker, save it as a library version
 * and create an exercise from it.
 */
export function AuthorScreen() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [grid, setGrid] = useState<WorkbookGrid | null>(null);
  /** The file's own reading problems (a cell too long, too many rows), kept beside the editor's. */
  const [fileIssues, setFileIssues] = useState<CellIssue[]>([]);
  const [sheet, setSheet] = useState<SheetKey>("company");
  const [name, setName] = useState("");
  const [baseId, setBaseId] = useState(DEFAULT_BASE);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [error, setError] = useState<string | null>(null);
  const base = useQuery(trpc.library.base.queryOptions({ scenarioId: baseId }));
  const { answer, pending } = usePreview(grid, base.data);

  const open = (g: WorkbookGrid | null, issues: CellIssue[], title: string, s: Saved | null) => {
    setGrid(g);
    setFileIssues(issues.filter((i) => i.code === "too_long" || i.code === "too_many_rows"));
    setName(title);
    setSaved(s);
    const first = issues[0];
    const key = g?.sheets.find((x) => x.name === first?.sheet)?.key;
    setSheet(key ?? "company");
  };
  const onRead = (r: UploadedWorkbook, fileName: string) => {
    if (!r.grid) {
      setGrid(null);
      setFileIssues(r.issues as CellIssue[]);
      return;
    }
    open(r.grid, r.issues as CellIssue[], fileName.replace(/\.xlsx$/i, ""), null);
  };
  const openSaved = async (libraryId: string) => {
    setError(null);
    try {
      const v = await queryClient.fetchQuery(trpc.library.open.queryOptions({ libraryId }));
      if (v.baseScenarioId) setBaseId(v.baseScenarioId);
      open(v.grid, [], v.name, { libraryId: v.libraryId, version: v.version });
    } catch (e) {
      setError(errorText(e));
    }
  };
  // The worker's answer is for the newest cells it has seen; until it comes, the last one stands.
  const issues = [...fileIssues, ...(answer?.issues ?? [])];
  const pick = (i: CellIssue) => {
    const key = grid?.sheets.find((s) => s.name === i.sheet)?.key;
    if (key) setSheet(key);
    requestAnimationFrame(() =>
      document.querySelector<HTMLInputElement>(`[data-cell="${i.sheet}!${i.cell}"]`)?.focus(),
    );
  };
  return (
    <main className="author">
      <p className="muted">{t("authorIntro")}</p>
      <div className="grid">
        <UploadForm onRead={onRead} />
        <LibraryList onOpen={openSaved} />
      </div>
      <button
        type="button"
        data-testid="start-example"
        onClick={() =>
          open(
            workbookToGrid(EXAMPLE_COMPANY, locale),
            [],
            locale === "ja" ? EXAMPLE_COMPANY.company.nameJa : EXAMPLE_COMPANY.company.nameEn,
            null,
          )
        }
      >
        {t("startFromExample")}
      </button>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {!grid && fileIssues.length ? <IssueList issues={fileIssues} onPick={pick} /> : null}
      {grid ? (
        <div className="author-workspace">
          <div>
            <IssueList issues={issues} onPick={pick} />
            <GridEditor
              grid={grid}
              issues={issues}
              sheet={sheet}
              onSheet={setSheet}
              onChange={setGrid}
            />
          </div>
          <div>
            <PreviewPanel answer={answer} pending={pending} base={base.data} />
            <SavePanel
              grid={grid}
              baseId={baseId}
              onBase={setBaseId}
              name={name}
              onName={setName}
              saved={saved}
              onSaved={setSaved}
              // What the file reader cut (a cell too long, rows past the limit) is shown, not
              // blocking: the cells as they now stand are what the server checks and saves.
              blocked={pending || (answer?.issues.length ?? 1) > 0}
              issueCount={issues.length}
            />
          </div>
        </div>
      ) : null}
    </main>
  );
}
