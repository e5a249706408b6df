import type { RefusalDef } from "./refusals.ts";

const none = {} as const;

/**
 * The service's own refusals, beside the exercise's rules: who a token is, which exercise a
 * code opens, per-caller limits, and what an import, fork or branch run must satisfy. Worded
 * only here (ja/en); the service names a reason and its parameters.
 */
export const SERVER_REFUSALS = {
  unknown_teams: {
    code: "invalid_payload",
    params: { scenario: "text", unknown: "list", teams: "list" },
    en: "teams: not in {scenario}: {unknown} (teams: {teams})",
    ja: "teams：{scenario}にないチームです：{unknown}（チーム：{teams}）",
  },
  no_open_exercise: {
    code: "bad_join_code",
    params: { joinCode: "text" },
    en: "no open exercise uses the join code '{joinCode}'",
    ja: "参加コード「{joinCode}」の開いている演習はありません",
  },
  not_a_join_code: {
    code: "bad_join_code",
    params: { joinCode: "text" },
    en: "'{joinCode}' is not a join code: codes are 6 letters and digits, like K7M2QX",
    ja: "「{joinCode}」は参加コードではありません。参加コードはK7M2QXのような6文字の英数字です",
  },
  unknown_join_code: {
    code: "bad_join_code",
    params: { code: "text" },
    en: "no exercise uses the join code '{code}'; check it with your facilitator",
    ja: "コード「{code}」の演習はありません。ファシリテーターに確認してください",
  },
  unknown_observer_code: {
    code: "bad_join_code",
    params: { code: "text" },
    en: "no exercise uses the observer code '{code}'; check it with your facilitator",
    ja: "コード「{code}」の演習はありません。ファシリテーターに確認してください",
  },
  places_per_address: {
    code: "rate_limited",
    params: { taken: "number", places: "number" },
    en: "joins from your network address already hold {taken} places in this exercise (at most {places}); ask the facilitator",
    ja: "このネットワークアドレスからの参加がすでにこの演習の{taken}席を占めています（最大{places}席）。ファシリテーターに相談してください",
  },
  seminar_places_per_address: {
    code: "rate_limited",
    params: { taken: "number", places: "number" },
    en: "joins from your network address already hold {taken} places in this seminar (at most {places}); ask the facilitator",
    ja: "このネットワークアドレスからの参加がすでにこのセミナーの{taken}席を占めています（最大{places}席）。ファシリテーターに相談してください",
  },
  no_token: {
    code: "forbidden",
    params: none,
    en: "sign in first: no valid participant token was sent",
    ja: "先に参加してください：有効な参加者トークンがありません",
  },
  unknown_token: {
    code: "forbidden",
    params: none,
    en: "this participant token is not known (it may belong to a deleted exercise); join again",
    ja: "この参加者トークンは登録されていません（演習が削除された可能性があります）。もう一度参加してください",
  },
  token_expired: {
    code: "forbidden",
    params: { days: "number", ended: "text" },
    en: "this exercise ended over {days} days ago ({ended}); its links have expired — ask the facilitator for the export",
    ja: "この演習は{days}日以上前（{ended}）に終了したため、リンクの有効期限が切れています。ファシリテーターにエクスポートを依頼してください",
  },
  too_many_locks: {
    code: "rate_limited",
    params: { perMinute: "number", seconds: "number" },
    en: "too many locks: at most {perMinute} a minute; try again in {seconds} s",
    ja: "決定の確定が多すぎます（1分あたり最大{perMinute}回）。{seconds}秒後にもう一度お試しください",
  },
  too_many_draft_edits: {
    code: "rate_limited",
    params: { perMinute: "number", seconds: "number" },
    en: "too many draft edits: at most {perMinute} a minute; try again in {seconds} s",
    ja: "下書きの変更が多すぎます（1分あたり最大{perMinute}回）。{seconds}秒後にもう一度お試しください",
  },
  too_many_log_reads: {
    code: "rate_limited",
    params: { perMinute: "number", seconds: "number" },
    en: "at most {perMinute} exports or reviews a minute; try again in {seconds} s",
    ja: "エクスポートとレビューの表示は1分あたり最大{perMinute}回までです。{seconds}秒後にもう一度お試しください",
  },
  too_many_monte_carlo: {
    code: "rate_limited",
    params: { perMinute: "number", seconds: "number" },
    en: "Monte Carlo: at most {perMinute} requests a minute; try again in {seconds} s",
    ja: "モンテカルロは1分あたり最大{perMinute}回までです。{seconds}秒後にもう一度お試しください",
  },
  too_many_runs: {
    code: "invalid_payload",
    params: { max: "number", runs: "number" },
    en: "runs: at most {max} runs per request (asked {runs})",
    ja: "runs：1回の要求は最大{max}回までです（指定{runs}回）",
  },
  idempotency_key_reused: {
    code: "idempotency_key_reused",
    params: { key: "text", command: "text" },
    en: "idempotency key '{key}' was already used for a different command ({command})",
    ja: "再送キー「{key}」はすでに別の操作（{command}）に使われています",
  },
  scenario_missing: {
    code: "session_not_found",
    params: { sessionId: "text", scenarioId: "text" },
    en: "exercise {sessionId} uses scenario '{scenarioId}', which this server does not have",
    ja: "演習「{sessionId}」はシナリオ「{scenarioId}」を使っていますが、このサーバーにはありません",
  },
  branch_run_ended: {
    code: "rule_violation",
    params: none,
    en: "this exercise has ended; fork it to play on",
    ja: "この演習は終了しています。続けるにはフォーク（分岐）してください",
  },
  compare_own_lineage: {
    code: "forbidden",
    params: none,
    en: "you can only compare branches of your own exercise",
    ja: "比較できるのは自分の演習の分岐だけです",
  },
  fork_after_played: {
    code: "rule_violation",
    params: { resolved: "number" },
    en: "atTurn: only {resolved} turns have been played; fork at 0…{resolved}",
    ja: "atTurn：進んだのは{resolved}ターンまでです。分岐できるのは0～{resolved}です",
  },
  import_scenario_version: {
    code: "invalid_payload",
    params: { scenario: "text", have: "text", file: "text" },
    en: "exercise.scenario.version: this server has {scenario} {have}, the export was made on {file}",
    ja: "シナリオの版が違います：このサーバーは{scenario} {have}、ファイルは{file}で作られています",
  },
  import_unreadable_event: {
    code: "invalid_payload",
    params: { index: "number", problem: "text" },
    en: "exercise.events[{index}]: {problem}",
    ja: "exercise.events[{index}]：読み込めない記録です（{problem}）",
  },
  import_broken_log: {
    code: "invalid_payload",
    params: { problem: "bilingual" },
    en: "exercise.events: {problem}",
    ja: "exercise.events：記録が正しくありません（{problem}）",
  },
  import_unknown_team: {
    code: "invalid_payload",
    params: { index: "number", team: "text", scenario: "text", teams: "list" },
    en: "exercise.teams.{index}: '{team}' is not a team of {scenario} (teams: {teams})",
    ja: "exercise.teams.{index}：「{team}」は{scenario}のチームではありません（チーム：{teams}）",
  },
  import_team_twice: {
    code: "invalid_payload",
    params: { index: "number", team: "text" },
    en: "exercise.teams.{index}: '{team}' is listed twice",
    ja: "exercise.teams.{index}：「{team}」が二度書かれています",
  },
  import_reason_too_long: {
    code: "invalid_payload",
    params: { index: "number", chars: "number", maxChars: "number" },
    en: "exercise.events: engine event {index} is an override whose reason has {chars} characters; at most {maxChars}",
    ja: "exercise.events：記録{index}の修正理由が{chars}文字あります。最大{maxChars}文字です",
  },
  import_decision_of_absent_team: {
    code: "invalid_payload",
    params: { index: "number", team: "text", teams: "list" },
    en: "exercise.events: engine event {index} is a decision of '{team}', which is not in this exercise (teams: {teams})",
    ja: "exercise.events：記録{index}は「{team}」の決定ですが、このチームは演習にいません（チーム：{teams}）",
  },
  import_event_does_not_apply: {
    code: "invalid_payload",
    params: { index: "number", said: "bilingual" },
    en: "exercise.events: engine event {index} does not apply: {said}",
    ja: "exercise.events：記録{index}はルール上適用できません（{said}）",
  },
  import_hash_mismatch: {
    code: "invalid_payload",
    params: { turn: "number", replayed: "text", recorded: "text" },
    en: "exercise.stateHashes.{turn}: the log replays to {replayed} but the file records {recorded}; the file was changed, or made by another engine version",
    ja: "exercise.stateHashes.{turn}：記録を再生した状態（{replayed}）がファイルの記録（{recorded}）と一致しません。ファイルが変更されたか、別の版のエンジンで作られています",
  },
  too_many_wrong_join_codes: {
    code: "rate_limited",
    params: { seconds: "number" },
    en: "too many wrong join codes; try again in {seconds} s",
    ja: "間違った参加コードが多すぎます。{seconds}秒後にもう一度お試しください",
  },
  too_many_wrong_passcodes: {
    code: "rate_limited",
    params: { seconds: "number" },
    en: "too many wrong passcodes; try again in {seconds} s",
    ja: "間違ったパスコードが多すぎます。{seconds}秒後にもう一度お試しください",
  },
  passcode_required: {
    code: "forbidden",
    params: none,
    en: "passcode: this server asks for the facilitator passcode to create or import an exercise",
    ja: "パスコード：このサーバーでは、演習の作成と読み込みにファシリテーター用パスコードが必要です",
  },
  passcode_wrong: {
    code: "forbidden",
    params: none,
    en: "passcode: the facilitator passcode is not right",
    ja: "パスコード：ファシリテーター用パスコードが違います",
  },
  busy_with_log_reads: {
    code: "rate_limited",
    params: none,
    en: "the server is busy with other exports and reviews; try again in a few seconds",
    ja: "サーバーが他のエクスポートやレビューを処理中です。数秒後にもう一度お試しください",
  },
  server_stopping: {
    code: "rate_limited",
    params: none,
    en: "the server is stopping",
    ja: "サーバーを停止中です",
  },
  monte_carlo_queue_full: {
    code: "rate_limited",
    params: { waiting: "number" },
    en: "Monte Carlo: {waiting} requests are already waiting; try again in a minute",
    ja: "モンテカルロの要求がすでに{waiting}件待っています。1分ほどしてからお試しください",
  },
  monte_carlo_timeout: {
    code: "rate_limited",
    params: { seconds: "number" },
    en: "Monte Carlo took longer than {seconds} s and was stopped; ask for fewer runs",
    ja: "モンテカルロが{seconds}秒を超えたため止めました。回数を減らしてください",
  },
  monte_carlo_cancelled: {
    code: "rate_limited",
    params: none,
    en: "Monte Carlo was stopped because its request was cancelled (the page was closed)",
    ja: "要求が取り消された（ページが閉じられた）ため、モンテカルロを止めました",
  },
} as const satisfies Record<string, RefusalDef>;
