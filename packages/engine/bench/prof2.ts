import { prepareModel, runPlan } from "../src/index.ts";
import { corePlan, coreScenario } from "./core-model.ts";

const m = prepareModel(coreScenario());
const plan = corePlan();
for (let i = 0; i < 20000; i++) runPlan(m, 1, plan);
