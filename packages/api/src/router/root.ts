import { exerciseRouter } from "./exercise-router.ts";
import { facilitatorRouter } from "./facilitator-router.ts";
import { reviewRouter } from "./review-router.ts";
import { seminarRouter } from "./seminar-router.ts";
import { router } from "./trpc.ts";

export const appRouter = router({
  exercise: exerciseRouter,
  facilitator: facilitatorRouter,
  review: reviewRouter,
  seminar: seminarRouter,
});
export type AppRouter = typeof appRouter;
