import { z } from "zod";
import { INPUT_LIMITS as L } from "./input-limits.ts";

/**
 * Limits on authoring, stated once: the upload form shows them and the server enforces them.
 * A workbook is read in a worker thread with a time and memory limit, so a large or hostile
 * file (a zip that inflates to gigabytes) costs that worker, never the event loop.
 */
export const AUTHORING_LIMITS = {
  /** Bytes of one uploaded xlsx file (the template with a 3-product company is ~30 kB). */
  workbookBytes: 1_000_000,
  /** Rows read per sheet: a bill of materials of a few hundred lines is a large firm. */
  rowsPerSheet: 500,
  /** Characters of one cell as read (a name, a source). */
  cellChars: 500,
  /** A library scenario's name. */
  nameChars: 120,
  /** Characters of a scenario's YAML text (the built-in ones are 20–57 kB). */
  yamlChars: 2_000_000,
} as const;

/** The sheets of the exposure workbook, in the template's order. */
export const SHEET_KEYS = [
  "company",
  "products",
  "components",
  "bom",
  "materials",
  "suppliers",
  "alternatives",
  "redesigns",
  "teams",
] as const;
export const SheetKey = z.enum(SHEET_KEYS);
export type SheetKey = z.infer<typeof SheetKey>;

/** A cell as the reader sees it: what it shows (formulas by their result, 12 % as 12). */
export const GridCell = z.union([
  z.string().max(AUTHORING_LIMITS.cellChars),
  z.number(),
  z.boolean(),
  z.null(),
]);
export type GridCell = z.infer<typeof GridCell>;

export const GridRow = z.strictObject({
  /** The row's number on the sheet, so an error names the cell the firm typed in. */
  row: z.number().int().min(1).max(1_048_576),
  /** One value per column of the sheet's layout, in the layout's order. */
  cells: z.array(GridCell).max(20),
});

export const GridSheet = z.strictObject({
  key: SheetKey,
  /** The sheet's name in the file (Japanese or English). */
  name: z.string().min(1).max(100),
  /** Where each layout column was found on the sheet (1-based), for naming cells. */
  columns: z.array(z.number().int().min(1).max(16_384)).max(20),
  rows: z.array(GridRow).max(AUTHORING_LIMITS.rowsPerSheet),
});
export type GridSheet = z.infer<typeof GridSheet>;

/**
 * The workbook's cells, read once from the xlsx: the form editor edits this, the preview and
 * the library read it with the same checks as the file, so an error names the same cell.
 */
export const WorkbookGrid = z.strictObject({ sheets: z.array(GridSheet).max(SHEET_KEYS.length) });
export type WorkbookGrid = z.infer<typeof WorkbookGrid>;

/** A problem at a cell (or at a sheet when `cell` is absent); the authoring catalogue words it. */
export const CellIssueData = z.strictObject({
  sheet: z.string(),
  cell: z.string().optional(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

const base64Chars = Math.ceil(AUTHORING_LIMITS.workbookBytes / 3) * 4;
export const UploadWorkbookInput = z.strictObject({
  fileName: z.string().trim().min(1).max(200),
  /** The xlsx file's bytes, base64. */
  dataBase64: z
    .string()
    .max(base64Chars, `the file is over ${AUTHORING_LIMITS.workbookBytes} bytes`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, "not base64"),
});
export type UploadWorkbookInput = z.infer<typeof UploadWorkbookInput>;

export const UploadedWorkbook = z.strictObject({
  /** Null when the file is not a workbook at all (then `issues` says why). */
  grid: WorkbookGrid.nullable(),
  issues: z.array(CellIssueData),
});
export type UploadedWorkbook = z.infer<typeof UploadedWorkbook>;

export const SaveLibraryInput = z.strictObject({
  /** Adds a version to this library scenario; a new one when absent. */
  libraryId: z.string().min(1).max(100).optional(),
  name: z.string().trim().min(1).max(AUTHORING_LIMITS.nameChars),
  /** The built-in scenario whose world markets and events the company plays in. */
  baseScenarioId: z.string().trim().min(1).max(100),
  grid: WorkbookGrid,
  passcode: z.string().max(L.passcodeChars).optional(),
});
export type SaveLibraryInput = z.infer<typeof SaveLibraryInput>;

export const LibraryVersionRef = z.strictObject({
  libraryId: z.string().min(1).max(100),
  /** The newest when absent. */
  version: z.number().int().min(1).optional(),
});
export type LibraryVersionRef = z.infer<typeof LibraryVersionRef>;

export const ExportLibraryYamlInput = LibraryVersionRef.extend({
  /** The company's and its suppliers' names replaced by codes, for sharing. */
  anonymise: z.boolean().optional(),
});
export type ExportLibraryYamlInput = z.infer<typeof ExportLibraryYamlInput>;

export const ImportLibraryYamlInput = z.strictObject({
  libraryId: z.string().min(1).max(100).optional(),
  name: z.string().trim().min(1).max(AUTHORING_LIMITS.nameChars),
  yaml: z.string().min(1).max(AUTHORING_LIMITS.yamlChars),
  passcode: z.string().max(L.passcodeChars).optional(),
});
export type ImportLibraryYamlInput = z.infer<typeof ImportLibraryYamlInput>;

export const LibrarySaved = z.strictObject({
  libraryId: z.string(),
  version: z.number().int(),
  contentHash: z.string(),
});
export type LibrarySaved = z.infer<typeof LibrarySaved>;

const LibraryId = z.string().min(1).max(100);
const LibraryName = z.string().trim().min(1).max(AUTHORING_LIMITS.nameChars);
const Passcode = z.string().max(L.passcodeChars).optional();

export const RenameLibraryInput = z.strictObject({
  libraryId: LibraryId,
  name: LibraryName,
  passcode: Passcode,
});
export const DeleteLibraryInput = z.strictObject({ libraryId: LibraryId, passcode: Passcode });
export const DuplicateLibraryInput = z.strictObject({
  libraryId: LibraryId,
  version: z.number().int().min(1).optional(),
  name: LibraryName,
  passcode: Passcode,
});
export const BaseScenarioInput = z.strictObject({ scenarioId: z.string().min(1).max(100) });
