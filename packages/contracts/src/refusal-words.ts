/**
 * The words refusals put into their sentences, per kind of parameter. English mostly shows the
 * ids as they are (they are also what the API takes); Japanese gets a word for each.
 */
export type Locale = "ja" | "en";

type Words<K extends string> = Record<K, { ja: string; en: string }>;

export const STATUS_WORDS: Words<"lobby" | "running" | "paused" | "ended"> = {
  lobby: { ja: "開始前", en: "lobby" },
  running: { ja: "進行中", en: "running" },
  paused: { ja: "一時停止中", en: "paused" },
  ended: { ja: "終了済み", en: "ended" },
};

export const CONTROL_WORDS: Words<"start" | "pause" | "resume" | "end"> = {
  start: { ja: "開始", en: "start" },
  pause: { ja: "一時停止", en: "pause" },
  resume: { ja: "再開", en: "resume" },
  end: { ja: "終了", en: "end" },
};

export const ROLE_WORDS: Words<"facilitator" | "participant" | "observer"> = {
  facilitator: { ja: "ファシリテーター", en: "facilitator" },
  participant: { ja: "参加者", en: "participant" },
  observer: { ja: "オブザーバー", en: "observer" },
};

/** A role as the subject of an English sentence needs its article. */
export const ROLE_NOUN_WORDS: Words<"facilitator" | "participant" | "observer"> = {
  facilitator: { ja: "ファシリテーター", en: "the facilitator" },
  participant: { ja: "参加者", en: "a participant" },
  observer: { ja: "オブザーバー", en: "an observer" },
};

/** What only a team member may do. */
export const TEAM_ACT_WORDS: Words<"edit_draft" | "lock"> = {
  edit_draft: { ja: "チームの下書きを編集できる", en: "edit a team's draft" },
  lock: { ja: "決定を確定できる", en: "lock decisions" },
};

/** Why a turn closed (`none`: it resolved before that was recorded). */
export const CLOSED_BY_WORDS: Words<"timer" | "facilitator" | "all_locked" | "none"> = {
  timer: { ja: "時間切れ", en: "its time ran out" },
  facilitator: { ja: "ファシリテーターが締め切りました", en: "the facilitator closed it" },
  all_locked: { ja: "全チームが確定しました", en: "every team had locked" },
  none: { ja: "解決済み", en: "it has resolved" },
};
