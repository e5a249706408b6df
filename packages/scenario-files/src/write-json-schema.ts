// Writes scenarios/scenario.schema.json for editor completion (yaml-language-server).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { scenarioJsonSchema } from "@chokepoint/engine";
import { SCENARIOS_DIR } from "./built-in-scenarios.ts";

const out = join(SCENARIOS_DIR, "scenario.schema.json");
writeFileSync(out, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
console.log(`wrote ${out}`);
