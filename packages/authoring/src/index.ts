// Public entry of @chokepoint/authoring: the exposure workbook and its conversion to a scenario.
export { anonymiseWorkbook } from "./anonymise-workbook.ts";
export { CELL_MESSAGES, type CellIssue, cellMessage, formatCellIssue } from "./cell-messages.ts";
export { COMPONENT_CLASSES, type ComponentClass } from "./component-library.ts";
export { type ConversionNote, NOTE_MESSAGES, noteMessage } from "./conversion-notes.ts";
export { type ConversionResult, convertWorkbook } from "./convert-to-scenario.ts";
export { EXAMPLE_COMPANY } from "./example-company.ts";
export { ExposureWorkbook } from "./exposure-schema.ts";
export {
  type ComponentExposure,
  componentExposure,
  type ProductImpact,
  productImpact,
} from "./exposure-summary.ts";
export { type ExposurePreview, type PreviewResult, previewExposure } from "./preview-exposure.ts";
export { type ReadResult, readGrid } from "./read-grid.ts";
export { type GridRead, readWorkbook, readWorkbookGrid } from "./read-workbook.ts";
export { scenarioYaml } from "./scenario-yaml.ts";
export { SHEETS } from "./sheet-layout.ts";
export { workbookToGrid } from "./workbook-to-grid.ts";
export { writeWorkbook } from "./write-workbook.ts";
