-- AlterTable
-- A column added in place (SQLite allows NOT NULL with a constant default): `migrate diff`
-- writes a rebuild of the table, which copies every exercise row for one flag.
ALTER TABLE "ExerciseSession" ADD COLUMN "unverified" BOOLEAN NOT NULL DEFAULT false;
