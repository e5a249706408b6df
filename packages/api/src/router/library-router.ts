import {
  BaseScenarioInput,
  DeleteLibraryInput,
  DuplicateLibraryInput,
  ExportLibraryYamlInput,
  ImportLibraryYamlInput,
  LibrarySaved,
  LibraryVersionRef,
  RenameLibraryInput,
  SaveLibraryInput,
  UploadedWorkbook,
  UploadWorkbookInput,
} from "@chokepoint/contracts";
import { procedure, router } from "./trpc.ts";

/**
 * The scenario library and the workbook editor. Writes ask for the facilitator passcode when
 * the server sets one, as creating an exercise does; reading a workbook changes nothing.
 */
export const libraryRouter = router({
  upload: procedure
    .input(UploadWorkbookInput)
    .output(UploadedWorkbook)
    .mutation(({ ctx, input }) => ctx.library.upload(input, ctx.address)),
  base: procedure
    .input(BaseScenarioInput)
    .query(({ ctx, input }) => ctx.library.base(input.scenarioId)),
  list: procedure.query(({ ctx }) => ctx.library.list()),
  open: procedure.input(LibraryVersionRef).query(({ ctx, input }) => ctx.library.open(input)),
  exportYaml: procedure
    .input(ExportLibraryYamlInput)
    .query(({ ctx, input }) => ctx.library.exportYaml(input, ctx.address)),
  save: procedure
    .input(SaveLibraryInput)
    .output(LibrarySaved)
    .mutation(async ({ ctx, input: { passcode, ...input } }) => {
      await ctx.passcode.check(passcode, ctx.address);
      return ctx.library.save(input, ctx.address);
    }),
  importYaml: procedure
    .input(ImportLibraryYamlInput)
    .output(LibrarySaved)
    .mutation(async ({ ctx, input: { passcode, ...input } }) => {
      await ctx.passcode.check(passcode, ctx.address);
      return ctx.library.importYaml(input, ctx.address);
    }),
  duplicate: procedure
    .input(DuplicateLibraryInput)
    .output(LibrarySaved)
    .mutation(async ({ ctx, input: { passcode, name, ...ref } }) => {
      await ctx.passcode.check(passcode, ctx.address);
      return ctx.library.duplicate(ref, name);
    }),
  rename: procedure
    .input(RenameLibraryInput)
    .mutation(async ({ ctx, input: { passcode, libraryId, name } }) => {
      await ctx.passcode.check(passcode, ctx.address);
      await ctx.library.rename(libraryId, name);
      return { libraryId };
    }),
  remove: procedure
    .input(DeleteLibraryInput)
    .mutation(async ({ ctx, input: { passcode, libraryId } }) => {
      await ctx.passcode.check(passcode, ctx.address);
      await ctx.library.remove(libraryId);
      return { libraryId };
    }),
});
