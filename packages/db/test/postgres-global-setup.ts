// One throwaway PostgreSQL cluster for the whole run of this package's tests, stopped and
// deleted at the end, failed run or not. The committed migrations are applied once, to a
// template database; each test file copies it (CREATE DATABASE … TEMPLATE) rather than paying
// for another `prisma migrate deploy`.
import type { TestProject } from "vitest/node";
import { migrateDeploy } from "../src/migrate.ts";
import { startThrowawayCluster } from "../src/postgres/throwaway-cluster.ts";

export const TEMPLATE = "chokepoint_template";

export default async function setup(project: TestProject) {
  const cluster = await startThrowawayCluster({ fsync: false });
  try {
    migrateDeploy(await cluster.createDatabase(TEMPLATE));
  } catch (e) {
    cluster.stop();
    throw e;
  }
  project.provide("postgresAdminUrl", cluster.url);
  project.provide("postgresTemplate", TEMPLATE);
  return () => cluster.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    postgresAdminUrl: string;
    postgresTemplate: string;
  }
}
