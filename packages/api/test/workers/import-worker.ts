// Imports an exported exercise (a JSON file) into a database, then exits. The parent kills it
// part-way to show that a crash during an import leaves nothing anyone can join.
// argv: url exportFile
import { readFileSync } from "node:fs";
import { openDatabase, PrismaExerciseStore } from "@chokepoint/db";
import { ReviewService } from "../../src/review/review-service.ts";
import { ScenarioCatalog } from "../../src/scenario-catalog.ts";
import { ExerciseService } from "../../src/service/exercise-service.ts";

const [url, file] = process.argv.slice(2);
if (!url || !file) throw new Error("usage: import-worker <url> <exportFile>");
const db = await openDatabase(url);
const service = new ExerciseService(new PrismaExerciseStore(db), ScenarioCatalog.builtIn());
const review = new ReviewService(service);
process.stdout.write("STARTED\n");
await review.importJson({
  facilitatorName: "Imp",
  exercise: JSON.parse(readFileSync(file, "utf8")),
});
process.stdout.write("DONE\n");
process.exit(0);
