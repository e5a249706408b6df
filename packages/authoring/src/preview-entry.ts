// The browser's entry of @chokepoint/authoring: what the form editor and its preview worker
// run — the cell checks, the conversion and the preview — without exceljs or Node.
export {
  CELL_MESSAGES,
  type CellIssue,
  type CellIssueCode,
  cellMessage,
} from "./cell-messages.ts";
export { COMPONENT_CLASSES } from "./component-library.ts";
export { EXAMPLE_COMPANY } from "./example-company.ts";
export { type ExposurePreview, type PreviewResult, previewExposure } from "./preview-exposure.ts";
export { type ReadResult, readGrid } from "./read-grid.ts";
export {
  type CellKind,
  columnLetter,
  FIRST_DATA_ROW,
  SHEETS,
  type SheetLayout,
} from "./sheet-layout.ts";
export { workbookToGrid } from "./workbook-to-grid.ts";
