import {
  COMMANDS,
  type CommandAt,
  type CommandInput,
  type CommandRouter,
  type CommandsOf,
  type CommandTable,
  commandsOf,
  type PublishedCommand,
} from "@chokepoint/contracts";
import type { z } from "zod";
import { procedure } from "./trpc.ts";

/**
 * One command's tRPC mutation, from its line in the contracts' table: the input parsed with
 * its schema, handed with the caller's token to the service's one write path, answered with
 * its receipt (`send`: the version the caller's view reaches; the view comes by the push).
 */
function commandProcedure<K extends PublishedCommand>(name: K) {
  // The table's schema for K parses to K's input (TypeScript cannot see it through the index).
  const schema = COMMANDS[name].input as unknown as z.ZodType<
    CommandInput<K>,
    z.input<CommandTable[K]["input"]>
  >;
  return procedure
    .input(schema)
    .mutation(({ ctx, input }) => ctx.service.send(name, ctx.token, input as CommandInput<K>));
}

type CommandProcedures<R extends CommandRouter> = {
  [P in keyof CommandsOf<R>]: ReturnType<typeof commandProcedure<CommandAt<R, P>>>;
};

/**
 * Every published command of one router, by procedure name (`facilitator.advance`,
 * `review.saveNote`…): made from the table, so a command declared there is served with no
 * router line, and its procedure's input and answer are typed from the same declaration.
 */
export function commandProcedures<R extends CommandRouter>(router: R): CommandProcedures<R> {
  return Object.fromEntries(
    commandsOf(router).map((name) => [COMMANDS[name].procedure, commandProcedure(name)]),
  ) as CommandProcedures<R>;
}
