import { z } from "zod";
import { Scenario } from "./scenario-schema.ts";

/** JSON Schema of a scenario file (input form: defaults optional), for editor completion. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(Scenario, { io: "input", unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
}
