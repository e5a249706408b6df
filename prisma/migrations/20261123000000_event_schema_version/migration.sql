-- Every stored event carries the version of its payload's shape; rows written before this
-- column existed are version 1 (the first format). Readers upgrade old versions (upcasters).
ALTER TABLE "EventLogEntry" ADD COLUMN "schemaVersion" INTEGER NOT NULL DEFAULT 1;
