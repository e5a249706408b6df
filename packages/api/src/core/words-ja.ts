import type { Member, Status } from "./exercise-state.ts";

// Words the core's refusals put into Japanese sentences (the English ones use the ids as they are).

const STATUS: Record<Status, string> = {
  lobby: "開始前",
  running: "進行中",
  paused: "一時停止中",
  ended: "終了済み",
};

export const statusJa = (s: Status): string => STATUS[s];

export const roleJa = (r: Member["role"]): string =>
  r === "facilitator" ? "ファシリテーター" : r === "observer" ? "オブザーバー" : "参加者";

const CONTROL = { start: "開始", pause: "一時停止", resume: "再開", end: "終了" } as const;

export const controlJa = (a: keyof typeof CONTROL): string => CONTROL[a];
