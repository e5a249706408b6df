import { commandProcedures } from "./command-procedures.ts";
import { router } from "./trpc.ts";

/** The facilitator's commands (the core refuses them from anyone else), all from the command table. */
export const facilitatorRouter = router(commandProcedures("facilitator"));
