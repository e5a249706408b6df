// Public entry of @chokepoint/authoring: the exposure workbook and its conversion to a scenario.
export { CELL_MESSAGES, type CellIssue, cellMessage, formatCellIssue } from "./cell-messages.ts";
export { COMPONENT_CLASSES, type ComponentClass } from "./component-library.ts";
export { EXAMPLE_COMPANY } from "./example-company.ts";
export { ExposureWorkbook } from "./exposure-schema.ts";
export { type ReadResult, readWorkbook } from "./read-workbook.ts";
export { writeWorkbook } from "./write-workbook.ts";
