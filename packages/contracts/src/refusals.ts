import { AppError, type AppErrorCode } from "./app-error.ts";
import {
  CLOSED_BY_WORDS,
  CONTROL_WORDS,
  type Locale,
  ROLE_NOUN_WORDS,
  ROLE_WORDS,
  STATUS_WORDS,
  TEAM_ACT_WORDS,
} from "./refusal-words.ts";
import { SERVER_REFUSALS } from "./server-refusals.ts";

/**
 * What a refusal's parameter is, which decides how each language prints it: `turn` is a
 * 0-based index printed from 1; `list` joins with ", " or "、"; the word kinds look their
 * value up in `refusal-words.ts`; `bilingual` is already worded in both (the engine's rules).
 */
type Kind =
  | "text"
  | "number"
  | "turn"
  | "list"
  | "status"
  | "control"
  | "role"
  | "roleNoun"
  | "teamAct"
  | "closedBy"
  | "bilingual";

type ValueOf<K> = K extends "text"
  ? string
  : K extends "number" | "turn"
    ? number
    : K extends "list"
      ? readonly string[]
      : K extends "status"
        ? keyof typeof STATUS_WORDS
        : K extends "control"
          ? keyof typeof CONTROL_WORDS
          : K extends "role" | "roleNoun"
            ? keyof typeof ROLE_WORDS
            : K extends "teamAct"
              ? keyof typeof TEAM_ACT_WORDS
              : K extends "closedBy"
                ? keyof typeof CLOSED_BY_WORDS
                : K extends "bilingual"
                  ? { ja: string; en: string }
                  : never;

export interface RefusalDef {
  code: AppErrorCode;
  params: Record<string, Kind>;
  en: string;
  ja: string;
}

export const none = {} as const;

/**
 * Every refusal the exercise's rules (`packages/api/src/core`) can give, by reason: its
 * transport code, its typed parameters and its sentence in each language, with `{name}` slots.
 * The core names a reason and its parameters; only this catalogue words them, for the server's
 * answer, the web and the CLI alike. A test checks both languages use exactly the parameters.
 */
const RULE_REFUSALS = {
  exercise_ended_join: {
    code: "bad_join_code",
    params: { joinCode: "text" },
    en: "the exercise with code '{joinCode}' has ended",
    ja: "コード「{joinCode}」の演習は終了しています",
  },
  exercise_ended: {
    code: "rule_violation",
    params: none,
    en: "the exercise has ended; it can only be reviewed",
    ja: "演習は終了しています。振り返りのみできます",
  },
  timers_are_the_servers: {
    code: "forbidden",
    params: none,
    en: "turn timers are the server's, not a participant's",
    ja: "ターンのタイマーはサーバーが動かします",
  },
  not_a_member: {
    code: "forbidden",
    params: none,
    en: "sign in first: this token is not in this exercise",
    ja: "先に参加してください：このトークンはこの演習のものではありません",
  },
  removed_from_exercise: {
    code: "forbidden",
    params: none,
    en: "the facilitator removed you from this exercise",
    ja: "ファシリテーターによりこの演習から退出させられました",
  },
  facilitator_only: {
    code: "forbidden",
    params: none,
    en: "only the facilitator can do this",
    ja: "これはファシリテーターだけが行えます",
  },
  review_for_facilitator_and_observers: {
    code: "forbidden",
    params: none,
    en: "the review is for the facilitator and observers",
    ja: "振り返りはファシリテーターとオブザーバーのためのものです",
  },
  debrief_table_mismatch: {
    code: "forbidden",
    params: { table: "text" },
    en: "the facilitator link given for table {table} belongs to another exercise",
    ja: "テーブル「{table}」に渡されたファシリテーターのリンクは別の演習のものです",
  },
  debrief_mixed_scenarios: {
    code: "invalid_payload",
    params: { table: "text" },
    en: "table {table} plays another scenario: a seminar's tables share one scenario",
    ja: "テーブル「{table}」は別のシナリオの演習です。セミナーのテーブルは同じシナリオを使います",
  },
  debrief_rate_limited: {
    code: "rate_limited",
    params: { perMinute: "number", seconds: "number" },
    en: "at most {perMinute} debriefs or exports a minute for one seminar; try again in {seconds} s",
    ja: "1つのセミナーの振り返りと書き出しは1分あたり最大{perMinute}回までです。{seconds}秒後にもう一度お試しください",
  },
  debrief_exports_busy: {
    code: "rate_limited",
    params: { running: "number" },
    en: "{running} workbooks are being written right now; try again in a few seconds",
    ja: "ワークブックを{running}件作成中です。数秒後にもう一度お試しください",
  },
  imports_busy: {
    code: "rate_limited",
    params: { waiting: "number" },
    en: "{waiting} imports are being read right now; try again in a few seconds",
    ja: "インポートを{waiting}件読み込み中です。数秒後にもう一度お試しください",
  },
  debrief_duplicate_table: {
    code: "invalid_payload",
    params: { table: "text" },
    en: "table {table} is named twice, or two tables are the same exercise",
    ja: "テーブル「{table}」が重複しています（同じ名前か同じ演習）",
  },
  already_in_an_exercise: {
    code: "rule_violation",
    params: none,
    en: "you are already in an exercise; join with a new device",
    ja: "すでに演習に参加しています。別の端末で参加してください",
  },
  already_joined: {
    code: "rule_violation",
    params: { participantId: "text" },
    en: "participant '{participantId}' already joined",
    ja: "参加者「{participantId}」はすでに参加しています",
  },
  observer_code_needed: {
    code: "forbidden",
    params: none,
    en: "observers join with the observer code from the facilitator, not the room's join code",
    ja: "オブザーバーは、会場の参加コードではなく、ファシリテーターから受け取ったオブザーバー用コードで参加してください",
  },
  exercise_full: {
    code: "rule_violation",
    params: { capacity: "number" },
    en: "the exercise is full ({capacity} people); ask the facilitator",
    ja: "この演習は定員（{capacity}人）に達しています。ファシリテーターに相談してください",
  },
  participant_not_found: {
    code: "participant_not_found",
    params: { participantId: "text" },
    en: "no participant '{participantId}' in this exercise",
    ja: "この演習に参加者「{participantId}」はいません",
  },
  facilitator_not_removable: {
    code: "rule_violation",
    params: none,
    en: "the facilitator cannot be removed",
    ja: "ファシリテーターは退出させられません",
  },
  not_a_team_member: {
    code: "rule_violation",
    params: { name: "text", role: "roleNoun" },
    en: "{name} is {role}, not a team member",
    ja: "{name}さんは{role}で、チームのメンバーではありません",
  },
  control_not_allowed: {
    code: "rule_violation",
    params: { action: "control", status: "status" },
    en: "cannot {action} an exercise that is {status}",
    ja: "{status}の演習は{action}できません",
  },
  engine_rule: {
    code: "rule_violation",
    params: { said: "bilingual" },
    en: "{said}",
    ja: "{said}",
  },
  engine_rule_in_batch: {
    code: "rule_violation",
    params: { index: "number", said: "bilingual" },
    en: "event {index} does not apply: {said}",
    ja: "記録{index}は適用できません：{said}",
  },
  not_running: {
    code: "rule_violation",
    params: { status: "status" },
    en: "the exercise is {status}; it must be running",
    ja: "演習は{status}です。進行中のときだけ行えます",
  },
  team_not_found: {
    code: "team_not_found",
    params: { team: "text", teams: "list" },
    en: "no team '{team}' in this exercise (teams: {teams})",
    ja: "この演習に「{team}」というチームはありません（チーム：{teams}）",
  },
  drafts_closed: {
    code: "rule_violation",
    params: { status: "status" },
    en: "the exercise is {status}; drafts are closed",
    ja: "演習は{status}のため、下書きは編集できません",
  },
  no_such_lever: {
    code: "rule_violation",
    params: { lever: "text" },
    en: "lever: your team has no lever '{lever}'",
    ja: "lever：あなたのチームに「{lever}」という手段はありません",
  },
  action_for_another_lever: {
    code: "rule_violation",
    params: { other: "text", lever: "text" },
    en: "actions: '{other}' is not '{lever}'",
    ja: "actions：「{other}」は「{lever}」ではありません",
  },
  one_action_of_each: {
    code: "rule_violation",
    params: { lever: "text", ops: "list" },
    en: "actions: '{lever}' takes at most one of each of {ops}",
    ja: "actions：「{lever}」は{ops}をそれぞれ1つまでです",
  },
  team_members_only: {
    code: "forbidden",
    params: { act: "teamAct", role: "role" },
    en: "only team members {act} (you are {role})",
    ja: "{act}のはチームのメンバーだけです（あなたは{role}）",
  },
  no_team_yet: {
    code: "forbidden",
    params: none,
    en: "you are not on a team yet; ask the facilitator to assign you",
    ja: "まだチームに入っていません。ファシリテーターに割り当てを頼んでください",
  },
  turn_closed: {
    code: "turn_closed",
    params: { turn: "turn", closedBy: "closedBy", current: "turn" },
    en: "turn {turn} has closed ({closedBy}); the exercise is at turn {current}",
    ja: "第{turn}ターンは締め切られました（{closedBy}）。演習は第{current}ターンです",
  },
  drafting_closed: {
    code: "turn_closed",
    params: { turn: "turn" },
    en: "time is up for turn {turn}: your team's decision is locked as it stood, and the facilitator reveals the turn",
    ja: "第{turn}ターンの時間切れです。チームの決定はその時点の内容で確定し、ファシリテーターが結果を公開します",
  },
  turn_closed_draft_kept: {
    code: "turn_closed",
    params: { turn: "turn", closedBy: "closedBy", current: "turn" },
    en: "turn {turn} has closed ({closedBy}); the exercise is at turn {current}, and your team's draft is kept for it",
    ja: "第{turn}ターンは締め切られました（{closedBy}）。演習は第{current}ターンです。チームの下書きはこのターンに引き継がれています",
  },
  no_turn_timer: {
    code: "rule_violation",
    params: none,
    en: "this exercise has no turn timer to extend",
    ja: "この演習にはターンのタイマーがありません",
  },
  not_the_open_turn: {
    code: "turn_closed",
    params: { turn: "turn", current: "turn" },
    en: "turn {turn} is not the open turn; the exercise is at turn {current}",
    ja: "第{turn}ターンは進行中のターンではありません。演習は第{current}ターンです",
  },
  question_exists: {
    code: "rule_violation",
    params: { questionId: "text" },
    en: "questionId: '{questionId}' is already a question",
    ja: "questionId：「{questionId}」はすでに質問にあります",
  },
  no_note: {
    code: "rule_violation",
    params: { noteId: "text" },
    en: "noteId: no note '{noteId}' to delete",
    ja: "noteId：削除するメモ「{noteId}」がありません",
  },
  not_a_turn: {
    code: "rule_violation",
    params: { turn: "number", last: "number" },
    en: "turn: {turn} is not a turn (0…{last})",
    ja: "turn：{turn}はターンではありません（0～{last}）",
  },
  note_empty: {
    code: "rule_violation",
    params: none,
    en: "body: a note cannot be empty",
    ja: "本文：メモが空です",
  },
  no_question: {
    code: "rule_violation",
    params: { questionId: "text" },
    en: "questionId: no question '{questionId}'",
    ja: "questionId：質問「{questionId}」はありません",
  },
  answer_empty: {
    code: "rule_violation",
    params: none,
    en: "answer: an answer cannot be empty",
    ja: "回答：回答が空です",
  },
  library_scenario_not_found: {
    code: "invalid_payload",
    params: { libraryId: "text" },
    en: "no scenario '{libraryId}' in the library (it may have been deleted)",
    ja: "ライブラリにシナリオ「{libraryId}」はありません（削除された可能性があります）",
  },
  library_version_not_found: {
    code: "invalid_payload",
    params: { libraryId: "text", version: "number" },
    en: "the library scenario '{libraryId}' has no version {version}",
    ja: "ライブラリのシナリオ「{libraryId}」にバージョン{version}はありません",
  },
  library_version_altered: {
    code: "invalid_payload",
    params: { libraryId: "text", version: "number" },
    en: "version {version} of library scenario '{libraryId}' no longer matches its content hash: it will not be replayed",
    ja: "ライブラリのシナリオ「{libraryId}」のバージョン{version}が保存時の内容ハッシュと一致しません。再生しません",
  },
  workbook_has_errors: {
    code: "invalid_payload",
    params: { count: "number" },
    en: "the workbook still has {count} error(s): fix them at their cells before saving",
    ja: "ワークブックにまだ{count}件のエラーがあります。該当のセルを直してから保存してください",
  },
  base_scenario_unknown: {
    code: "invalid_payload",
    params: { scenarioId: "text", known: "list" },
    en: "baseScenarioId: no built-in scenario '{scenarioId}' (have: {known})",
    ja: "ベースシナリオ：組み込みシナリオ「{scenarioId}」はありません（あるもの：{known}）",
  },
  conversion_failed: {
    code: "invalid_payload",
    params: { problems: "bilingual" },
    en: "the workbook does not make a valid scenario on this base: {problems}",
    ja: "このベースではワークブックから正しいシナリオを作れません：{problems}",
  },
  yaml_invalid: {
    code: "invalid_payload",
    params: { problems: "bilingual" },
    en: "the scenario YAML is not valid: {problems}",
    ja: "シナリオのYAMLが正しくありません：{problems}",
  },
  anonymise_needs_workbook: {
    code: "invalid_payload",
    params: { libraryId: "text" },
    en: "'{libraryId}' was imported as YAML, not made from a workbook: there are no company names to replace",
    ja: "「{libraryId}」はYAMLから取り込んだシナリオで、ワークブックから作ったものではないため、匿名化できません",
  },
  workbook_busy: {
    code: "rate_limited",
    params: { waiting: "number" },
    en: "{waiting} workbooks are already being read; try again in a minute",
    ja: "すでに{waiting}件のワークブックを読み込み中です。1分ほどしてからお試しください",
  },
  workbook_share: {
    code: "rate_limited",
    params: { held: "number", share: "number" },
    en: "{held} of your workbooks are already waiting to be read (at most {share} from one address); try again when they are done",
    ja: "このアドレスからのワークブック{held}件がすでに読み込み待ちです（1つのアドレスから最大{share}件）。終わってからお試しください",
  },
  workbook_too_slow: {
    code: "invalid_payload",
    params: { seconds: "number" },
    en: "reading the workbook took longer than {seconds} s and was stopped: is it the exposure template?",
    ja: "ワークブックの読み込みが{seconds}秒を超えたため中止しました。露出ワークブックのテンプレートを使っていますか",
  },
  // — seminars (the seminar service's own rules; each table's commands keep the reasons above) —
  seminar_room_code_unknown: {
    code: "bad_join_code",
    params: { roomCode: "text" },
    en: "no open seminar uses the room code '{roomCode}'; check it with your facilitator",
    ja: "ルームコード「{roomCode}」のセミナーはありません。ファシリテーターに確認してください",
  },
  seminar_secret_wrong: {
    code: "forbidden",
    params: none,
    en: "this seminar link is not valid (the secret does not match); open the link the seminar gave when it was created",
    ja: "このセミナーのリンクは無効です（秘密の鍵が一致しません）。セミナー作成時のリンクを開いてください",
  },
  seminar_tables_full: {
    code: "rule_violation",
    params: { limit: "number" },
    en: "a seminar has at most {limit} tables",
    ja: "セミナーのテーブルは最大{limit}卓です",
  },
  seminar_people_full: {
    code: "rule_violation",
    params: { limit: "number" },
    en: "this seminar is full: at most {limit} people; ask the facilitator",
    ja: "このセミナーは満員です（最大{limit}人）。ファシリテーターに相談してください",
  },
  seminar_started: {
    code: "rule_violation",
    params: none,
    en: "tables can be added only during setup, before any table has started",
    ja: "テーブルを追加できるのは準備中（どのテーブルも開始する前）だけです",
  },
  seminar_table_unknown: {
    code: "team_not_found",
    params: { table: "text", tables: "list" },
    en: "no table '{table}' in this seminar (tables: {tables})",
    ja: "このセミナーにテーブル「{table}」はありません（テーブル：{tables}）",
  },
  seminar_table_needed: {
    code: "invalid_payload",
    params: { tables: "list" },
    en: "table: pick a table (tables: {tables})",
    ja: "テーブル：テーブルを選んでください（テーブル：{tables}）",
  },
  seminar_teams_unknown: {
    code: "invalid_payload",
    params: { scenario: "text", unknown: "list", teams: "list" },
    en: "teams: not in {scenario}: {unknown} (teams: {teams})",
    ja: "teams：{scenario}にないチームです：{unknown}（チーム：{teams}）",
  },
} as const satisfies Record<string, RefusalDef>;

/**
 * Every refusal the server can give: the exercise's rules (the core) and the service's own
 * (tokens, codes, limits, imports, forks; `server-refusals.ts`), in one catalogue.
 */
export const REFUSALS = { ...RULE_REFUSALS, ...SERVER_REFUSALS } as const;

export type RefusalReason = keyof typeof REFUSALS;

/** A reason's parameters, typed from its declaration. */
export type RefusalParams<R extends RefusalReason> = {
  -readonly [K in keyof (typeof REFUSALS)[R]["params"]]: ValueOf<(typeof REFUSALS)[R]["params"][K]>;
};

const WORDS = {
  status: STATUS_WORDS,
  control: CONTROL_WORDS,
  role: ROLE_WORDS,
  roleNoun: ROLE_NOUN_WORDS,
  teamAct: TEAM_ACT_WORDS,
  closedBy: CLOSED_BY_WORDS,
} as const;

/**
 * Error answers are bounded whatever was sent: a list parameter names its first items and
 * counts the rest, and carries at most `LIST_CARRIED` items in the answer's data (a 169 kB
 * create naming 20,000 unknown teams came back as a 447 kB error), a text parameter at most
 * `TEXT_CARRIED` characters.
 */
const LIST_SHOWN = 10;
const LIST_CARRIED = 50;
const TEXT_CARRIED = 200;

function carried(value: unknown): unknown {
  if (Array.isArray(value) && value.length > LIST_CARRIED) return value.slice(0, LIST_CARRIED);
  if (typeof value === "string" && value.length > TEXT_CARRIED)
    return `${value.slice(0, TEXT_CARRIED)}…`;
  return value;
}

function word(kind: Kind, value: unknown, locale: Locale): string {
  switch (kind) {
    case "text":
      return String(carried(String(value)));
    case "number":
      return String(value);
    case "turn":
      return String(Number(value) + 1);
    case "list": {
      const all = Array.isArray(value) ? value : [value];
      const shown = all
        .slice(0, LIST_SHOWN)
        .map(String)
        .join(locale === "ja" ? "、" : ", ");
      const more = all.length - LIST_SHOWN;
      if (more <= 0) return shown;
      return locale === "ja" ? `${shown}、ほか${more}件` : `${shown} and ${more} more`;
    }
    case "bilingual": {
      const v = value as { ja?: string; en?: string } | null;
      return v?.[locale] ?? "";
    }
    default: {
      // A turn that resolved before its closer was recorded arrives as null: say "resolved".
      const table: Record<string, { ja: string; en: string }> = WORDS[kind];
      const key = value === null || value === undefined ? "none" : String(value);
      return table[key]?.[locale] ?? key;
    }
  }
}

/** Whether a string names a reason in the catalogue (a client reading an error's params). */
export function isRefusalReason(x: unknown): x is RefusalReason {
  return typeof x === "string" && Object.hasOwn(REFUSALS, x);
}

/** A refusal in one language, from its reason and parameters (as typed, or as they came over the wire). */
export function refusalText(
  reason: RefusalReason,
  params: Readonly<Record<string, unknown>>,
  locale: Locale,
): string {
  const def: RefusalDef = REFUSALS[reason];
  return def[locale].replaceAll(/\{(\w+)\}/g, (_, k: string) => {
    const kind = def.params[k];
    return kind ? word(kind, params[k], locale) : `{${k}}`;
  });
}

/**
 * The refusal as a domain error: its code, the sentence in English and Japanese from the
 * catalogue, and the reason with its parameters (and any `details`) for clients to act on.
 */
export function refusal<R extends RefusalReason>(
  reason: R,
  params: RefusalParams<R>,
  details?: Readonly<Record<string, unknown>>,
): AppError {
  const p = params as Record<string, unknown>;
  const data = Object.fromEntries(Object.entries(p).map(([k, v]) => [k, carried(v)]));
  return new AppError(
    REFUSALS[reason].code,
    refusalText(reason, p, "en"),
    { ...data, ...details, reason },
    refusalText(reason, p, "ja"),
  );
}
