-- AlterTable
ALTER TABLE "ExerciseSession" ADD COLUMN     "unverified" BOOLEAN NOT NULL DEFAULT false;
