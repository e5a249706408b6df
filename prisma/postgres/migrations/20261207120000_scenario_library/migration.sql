-- CreateTable
CREATE TABLE "LibraryScenario" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "baseScenarioId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "LibraryScenario_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LibraryScenarioVersion" (
    "id" SERIAL NOT NULL,
    "libraryId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "yaml" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "grid" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LibraryScenarioVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LibraryScenarioVersion_libraryId_version_key" ON "LibraryScenarioVersion"("libraryId", "version");

-- AddForeignKey
ALTER TABLE "LibraryScenarioVersion" ADD CONSTRAINT "LibraryScenarioVersion_libraryId_fkey" FOREIGN KEY ("libraryId") REFERENCES "LibraryScenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

