-- CreateTable
CREATE TABLE "Seminar" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT,
    "facilitatorName" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "roomCode" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "SeminarTable" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "seminarId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "sealedToken" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SeminarTable_seminarId_fkey" FOREIGN KEY ("seminarId") REFERENCES "Seminar" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SeminarTable_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "ExerciseSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Seminar_roomCode_key" ON "Seminar"("roomCode");

-- CreateIndex
CREATE UNIQUE INDEX "Seminar_secretHash_key" ON "Seminar"("secretHash");

-- CreateIndex
CREATE UNIQUE INDEX "SeminarTable_exerciseId_key" ON "SeminarTable"("exerciseId");

-- CreateIndex
CREATE UNIQUE INDEX "SeminarTable_seminarId_label_key" ON "SeminarTable"("seminarId", "label");

-- CreateIndex
CREATE UNIQUE INDEX "SeminarTable_seminarId_position_key" ON "SeminarTable"("seminarId", "position");

