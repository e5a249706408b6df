import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { formatPath, type Locale, type ScenarioIssue } from "@chokepoint/engine";
import { isNode, LineCounter, parseDocument } from "yaml";

/** A problem in a data file, located as precisely as the file allows. */
export interface FileIssue {
  file: string;
  /** "events[2].effect.materials[0]" */
  field: string;
  /** 1-based line, where the field (or its nearest parent) is found. */
  line?: number;
  /** In English; `ja` in Japanese where it has been worded. */
  message: string;
  ja?: string;
}

export interface DataFile {
  file: string;
  data: unknown;
  /** Finds the line of a path in the file. */
  locate: (path: readonly (string | number)[]) => number | undefined;
}

/** Reads a YAML or JSON file; syntax errors come back as issues with their line. */
export function readDataFile(
  file: string,
): { ok: true; value: DataFile } | { ok: false; issues: FileIssue[] } {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    return {
      ok: false,
      issues: [
        {
          file,
          field: "",
          message: `cannot read file: ${(e as Error).message}`,
          ja: `ファイルを読めません: ${(e as Error).message}`,
        },
      ],
    };
  }
  const ext = extname(file).toLowerCase();
  if (![".yaml", ".yml", ".json"].includes(ext))
    return {
      ok: false,
      issues: [
        {
          file,
          field: "",
          message: `expected a .yaml, .yml or .json file, got '${ext || "no extension"}'`,
          ja: `.yaml、.yml、.json のいずれかのファイルが必要です（'${ext || "拡張子なし"}'）`,
        },
      ],
    };
  return readDataText(text, file);
}

/**
 * Reads YAML or JSON text (a file's, or a scenario sent to the library); syntax errors come
 * back as issues with their line, and `locate` finds the line of a field for later checks.
 */
export function readDataText(
  text: string,
  file: string,
): { ok: true; value: DataFile } | { ok: false; issues: FileIssue[] } {
  // JSON is YAML 1.2, so one parser gives line numbers for both.
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    return {
      ok: false,
      issues: doc.errors.map((e) => ({
        file,
        field: "",
        line: lines.linePos(e.pos[0]).line,
        message: `syntax: ${e.message.split("\n")[0]}`,
        ja: `構文エラー: ${e.message.split("\n")[0]}`,
      })),
    };
  }
  const locate = (path: readonly (string | number)[]) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
    }
    return undefined;
  };
  return { ok: true, value: { file, data: doc.toJS(), locate } };
}

export function locateIssues(f: DataFile, issues: readonly ScenarioIssue[]): FileIssue[] {
  return issues.map((i) => ({
    file: f.file,
    field: formatPath(i.path),
    line: f.locate(i.path),
    message: i.message,
    ...(i.ja ? { ja: i.ja } : {}),
  }));
}

/** "scenarios/x.yaml:12 events[0].at: turn 2020-Q1 is outside …", in the reader's language. */
export function formatFileIssue(i: FileIssue, locale: Locale = "en"): string {
  const text = locale === "ja" && i.ja ? i.ja : i.message;
  return `${i.file}${i.line ? `:${i.line}` : ""}${i.field ? ` ${i.field}` : ""}: ${text}`;
}
