-- CreateTable
CREATE TABLE "FoldSnapshot" (
    "sessionId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FoldSnapshot_pkey" PRIMARY KEY ("sessionId")
);

-- AddForeignKey
ALTER TABLE "FoldSnapshot" ADD CONSTRAINT "FoldSnapshot_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ExerciseSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;
