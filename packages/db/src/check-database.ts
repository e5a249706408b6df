import { existsSync, statSync } from "node:fs";
import Sqlite from "better-sqlite3";
import { redactUrl } from "./dialect.ts";
import { migrateAtStart } from "./migrate.ts";
import { type Database, openDatabase } from "./open-database.ts";

/** One thing wrong with a database, said for an operator in English and Japanese. */
export interface DatabaseProblem {
  en: string;
  ja: string;
}

/**
 * That every exercise's log runs 1, 2, 3… without a gap — the fold of a log with a hole would
 * silently differ from what was played — on either engine. (A SQLite file's pages are checked
 * once, before migrations, by `sqliteFileProblem`.) Answers the problems found.
 */
async function checkLogs(db: Database): Promise<DatabaseProblem[]> {
  const problems: DatabaseProblem[] = [];
  const logs = await db.eventLogEntry.groupBy({
    by: ["sessionId"],
    _min: { seq: true },
    _max: { seq: true },
    _count: { _all: true },
  });
  for (const l of logs) {
    if (l._min.seq === 1 && l._max.seq === l._count._all) continue;
    problems.push({
      en: `exercise ${l.sessionId}: its event log has gaps (${l._count._all} events numbered ${l._min.seq}…${l._max.seq})`,
      ja: `演習 ${l.sessionId}：イベントログに欠番があります（${l._count._all}件、番号 ${l._min.seq}…${l._max.seq}）`,
    });
  }
  return problems;
}

/**
 * The message an operator sees when the database cannot be opened or fails its check: what is
 * wrong, where the file is, and what to do — never a stack trace alone.
 */
export function databaseProblemReport(url: string, problems: DatabaseProblem[]): string {
  const where = url.startsWith("file:") ? url.slice("file:".length) : redactUrl(url);
  return [
    `Chokepoint cannot start: the database ${where} failed its check.`,
    ...problems.map((p) => `  - ${p.en}`),
    "Restore it from a backup, or move it aside to start with an empty database (DATABASE_URL chooses another file).",
    "",
    `Chokepoint を起動できません：データベース ${where} の検査で問題が見つかりました。`,
    ...problems.map((p) => `  - ${p.ja}`),
    "バックアップから復元するか、ファイルを別の場所に移して空のデータベースで起動してください（DATABASE_URL で別のファイルを指定できます）。",
  ].join("\n");
}

/** The database could not be opened or failed its check; the message is the operator's report. */
export class DatabaseStartError extends Error {
  override name = "DatabaseStartError";
}

/**
 * Applies the migrations, opens the database and checks it, or throws a `DatabaseStartError`
 * whose message tells the operator what is wrong and what to do (in English and Japanese).
 */
export async function startDatabase(url: string): Promise<Database> {
  const fail = (en: string, ja: string) =>
    new DatabaseStartError(databaseProblemReport(url, [{ en, ja }]));
  // Prisma's own error for a damaged file says only "External error id#0": look first, with
  // SQLite's own words, before migrations touch it.
  if (url.startsWith("file:")) {
    const problem = sqliteFileProblem(url.slice("file:".length));
    if (problem) throw new DatabaseStartError(databaseProblemReport(url, [problem]));
  }
  try {
    // SQLite migrates at every start; PostgreSQL once per deploy (`db:migrate`), checked on open.
    migrateAtStart(url);
  } catch (e) {
    const cause = firstLines((e as Error).message);
    throw fail(
      `its tables could not be brought up to date (${cause})`,
      `テーブルを最新の形にできませんでした（${cause}）`,
    );
  }
  let db: Database;
  try {
    db = await openDatabase(url);
  } catch (e) {
    const cause = firstLines((e as Error).message);
    throw fail(`it could not be opened (${cause})`, `開けませんでした（${cause}）`);
  }
  const problems = await checkLogs(db).catch((e: unknown) => [
    {
      en: `it could not be read (${firstLines((e as Error).message)})`,
      ja: `読み取れませんでした（${firstLines((e as Error).message)}）`,
    },
  ]);
  if (problems.length) {
    await db.$disconnect();
    throw new DatabaseStartError(databaseProblemReport(url, problems));
  }
  return db;
}

/**
 * What is wrong with a SQLite file, read-only: not SQLite at all, or pages SQLite's
 * `quick_check` finds damaged. A missing or empty file is fine (it is created).
 */
function sqliteFileProblem(path: string): DatabaseProblem | undefined {
  if (!existsSync(path) || statSync(path).size === 0) return undefined;
  let sqlite: Sqlite.Database | undefined;
  try {
    sqlite = new Sqlite(path, { readonly: true, fileMustExist: true });
    const rows = sqlite.pragma("quick_check") as Record<string, string>[];
    const messages = rows.map((r) => Object.values(r)[0]).filter((m) => m !== "ok");
    return messages.length ? damaged(messages.slice(0, 5).join("; ")) : undefined;
  } catch (e) {
    const message = (e as Error).message;
    return /not a database/i.test(message)
      ? {
          en: "the file is not a SQLite database",
          ja: "このファイルは SQLite データベースではありません",
        }
      : damaged(message);
  } finally {
    sqlite?.close();
  }
}

function damaged(detail: string): DatabaseProblem {
  return {
    en: `the database file is damaged (SQLite: ${detail})`,
    ja: `データベースファイルが破損しています（SQLite: ${detail}）`,
  };
}

/** The telling part of a tool's error (Prisma's CLI prints a banner first). */
function firstLines(message: string): string {
  const lines = message
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => /error|not a database|malformed|corrupt|denied|no such/i.test(l));
  return (lines.length ? lines : message.split("\n").filter(Boolean)).slice(0, 3).join(" / ");
}
