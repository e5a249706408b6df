export {
  type BuiltInScenario,
  builtInScenarios,
  resolveScenarioPath,
  SCENARIOS_DIR,
} from "./built-in-scenarios.ts";
export {
  type Loaded,
  loadDecisionsFile,
  loadScenarioFile,
  parseScenarioText,
} from "./load-scenario-file.ts";
export { type FileIssue, formatFileIssue, readDataFile } from "./read-data-file.ts";
