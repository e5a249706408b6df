/**
 * Text of the live participant screens — the shared draft, time, news, results and the end —
 * in Japanese and English (merged into `messages`). {x} are filled in.
 */
export const liveMessages = {
  // the shared draft
  draftTitle: { ja: "チームの決定（全員で編集）", en: "Your team's decision (shared draft)" },
  draftShared: {
    ja: "チーム全員が同じ下書きを見ています。変更はすぐ共有されます。",
    en: "Everyone on your team sees this draft; changes are shared as you type.",
  },
  lastChangedBy: { ja: "{name} が {time} に変更", en: "changed by {name} at {time}" },
  someone: { ja: "誰か", en: "someone" },
  nothingPlanned: { ja: "何もしない", en: "nothing" },
  draftBuy: { ja: "購入 {t}", en: "buy {t}" },
  draftRelease: { ja: "放出 {t}", en: "release {t}" },
  draftActivate: { ja: "実施", en: "go ahead" },
  editsTitle: { ja: "変更の履歴（このターン）", en: "Who changed what (this turn)" },
  editLine: {
    ja: "{time} {name}：{lever} {before} → {after}",
    en: "{time} {name}: {lever} {before} → {after}",
  },
  lockedBy: { ja: "{name} が {time} に確定しました", en: "Locked by {name} at {time}" },
  lockedByUnknown: { ja: "{time} に確定しました", en: "Locked at {time}" },
  lockedWaiting: { ja: "ターンの進行を待っています。", en: "Waiting for the turn to resolve." },
  lockedWaitingReveal: {
    ja: "ファシリテーターが結果を公開するまでお待ちください。",
    en: "Waiting for the facilitator to reveal the turn.",
  },
  lockedDecision: { ja: "確定した決定", en: "Locked decision" },
  relockedFrom: { ja: "（再確定。以前の決定：{before}）", en: " (re-locked; before: {before})" },
  draftDiffers: {
    ja: "確定後に下書きが変わりました。再確定すると次のように変わります：",
    en: "The draft has changed since the lock. Locking again changes:",
  },
  lockChanges: { ja: "変更を再確定", en: "Lock the changes" },
  lockedHowToChange: {
    ja: "変更するには下書きを編集して、もう一度確定してください。",
    en: "To change it, edit the draft and lock again.",
  },
  toastLocked: {
    ja: "{name} がチームの決定を確定しました（{time}）",
    en: "{name} locked your team's decision ({time})",
  },
  toastRelocked: {
    ja: "{name} がチームの決定を変更して再確定しました（{time}）",
    en: "{name} changed and re-locked your team's decision ({time})",
  },
  toastSee: { ja: "確認する", en: "See it" },
  lockedSame: { ja: "確定済み", en: "Locked" },
  relockNotice: {
    ja: "{name} が {time} に決定を変更して再確定しました：{changes}",
    en: "{name} changed and re-locked the decision at {time}: {changes}",
  },
  carriedOver: {
    ja: "第{turn}ターンは確定前に締め切られました。その下書きを引き継いでいます。確認して確定してください。",
    en: "Turn {turn} closed before your team locked; its draft is carried over here. Check it and lock.",
  },
  carriedOverAfterLock: {
    ja: "第{turn}ターンは、確定済みの決定で処理されました。その後の未確定の変更はここに引き継いでいます。確認して確定してください。",
    en: "Turn {turn} was played with the decision locked earlier; the changes made after it were never locked and are carried over here. Check them and lock.",
  },
  turnClosedTimer: {
    ja: "第{turn}ターンは制限時間切れで締め切られたため、確定は間に合いませんでした。",
    en: "Turn {turn} closed because its time ran out before your lock arrived.",
  },
  turnClosedFacilitator: {
    ja: "第{turn}ターンはファシリテーターが締め切ったため、確定は間に合いませんでした。",
    en: "The facilitator closed turn {turn} before your lock arrived.",
  },
  turnClosedAll: {
    ja: "第{turn}ターンはすでに締め切られています。",
    en: "Turn {turn} has already closed.",
  },
  turnClosedKept: {
    ja: "下書きは第{next}ターンに引き継ぎました。確認してもう一度確定してください。",
    en: "Your draft is kept for turn {next}: check it and lock again.",
  },
  turnClosedKeptAfterLock: {
    ja: "そのターンには先に確定した決定が使われました。その後の変更は第{next}ターンの下書きに引き継ぎました。確認して確定してください。",
    en: "The decision locked earlier was played for it; the later changes are kept as the draft for turn {next}: check them and lock.",
  },
  turnClosedPlayed: {
    ja: "そのターンにはチームの確定済みの決定が使われました。",
    en: "Your team's locked decision was played for it.",
  },
  saving: { ja: "保存中…", en: "saving…" },
  lockWhenPaused: {
    ja: "一時停止中は確定できません。下書きの編集と相談はできます。",
    en: "Locking waits while the exercise is paused; you can still edit the draft and talk.",
  },
  lockWhenLobby: {
    ja: "演習の開始前です。下書きは開始後に編集できます。",
    en: "The exercise has not started yet.",
  },
  // time
  timeLeft: { ja: "残り時間 {time}", en: "Time left {time}" },
  timePaused: { ja: "一時停止中（残り {time}）", en: "Paused — {time} left" },
  extendTurn: { ja: "残り時間を1分延長", en: "One more minute" },
  timeUp: { ja: "時間切れ — ターンを締め切っています…", en: "Time's up — closing the turn…" },
  noTimer: { ja: "制限時間なし", en: "No time limit" },
  // news
  newsTitle: { ja: "ニュース", en: "News" },
  newsUnread: { ja: "未読 {n}", en: "{n} unread" },
  newsNone: {
    ja: "まだニュースはありません。出来事やお知らせはここに届きます。",
    en: "No news yet. Events and messages arrive here.",
  },
  newsMarkRead: { ja: "既読にする", en: "Mark as read" },
  newsNew: { ja: "新着", en: "new" },
  endedBudgetOverride: {
    ja: "ファシリテーターによる予算の修正：{changes}",
    en: "The facilitator changed the budget: {changes}",
  },
  amountNotNegative: {
    ja: "数量は0以上の数で入力してください（この値では確定できません）",
    en: "Enter an amount of 0 or more (this value cannot be locked)",
  },
  newsThisTurn: {
    ja: "このターンに起きます。効果はターンの解決時に反映されます。今のうちに対応を決めてください。",
    en: "This happens this turn: it takes effect when the turn resolves. Decide your response now.",
  },
  newsScheduled: { ja: "出来事", en: "Event" },
  newsTriggered: { ja: "出来事", en: "Event" },
  newsInject: { ja: "インジェクト", en: "Inject" },
  newsMessage: { ja: "ファシリテーターからのお知らせ", en: "Message from the facilitator" },
  newsWhen: { ja: "{label}", en: "{label}" },
  newsSpan: { ja: "{from}〜{to}", en: "{from} to {to}" },
  newsOpen: { ja: "{from}から（終了未定）", en: "from {from}, no end set" },
  newsChanges: { ja: "何が変わるか", en: "What it changes" },
  newsArrived: { ja: "{time} 着", en: "arrived {time}" },
  newsFrom: { ja: "{name}・{time}", en: "{name} · {time}" },
  // results after a turn
  fillsTitle: { ja: "前ターン（{label}）の注文の結果", en: "Last turn ({label}): your orders" },
  fillsNone: {
    ja: "前ターンに備蓄の売買注文はありませんでした。",
    en: "No stockpile orders last turn.",
  },
  fillBuy: {
    ja: "{lever}：購入 {ordered} の注文に対し {filled} 入荷",
    en: "{lever}: ordered {ordered}, received {filled}",
  },
  fillRelease: {
    ja: "{lever}：放出 {ordered} の注文に対し {filled} 売却",
    en: "{lever}: offered {ordered} for release, sold {filled}",
  },
  fillBuyFull: {
    ja: "{lever}：購入 {ordered} の注文は全量入荷",
    en: "{lever}: ordered {ordered}, received in full",
  },
  fillReleaseFull: {
    ja: "{lever}：放出 {ordered} は全量売却",
    en: "{lever}: released {ordered}, all sold",
  },
  whyBuyShort: {
    ja: "市場は国内の注文の {share} しか満たせず、工場や部門の必要量が備蓄の購入より先に配分されました。",
    en: "The market met only {share} of home orders, and plants and sectors are served before purchases for stock.",
  },
  whyBuyEvents: { ja: "影響した出来事：{events}", en: "Events behind it: {events}" },
  whyRelease: {
    ja: "放出は市場で買えなかった需要にしか売れません。不足は {gap} でした。",
    en: "Releases sell only into demand the market could not meet; that gap was {gap}.",
  },
  // the end
  endedTitle: { ja: "演習は終了しました", en: "The exercise is over" },
  endedThanks: {
    ja: "おつかれさまでした。チームの結果のまとめです。振り返りの質問にも答えてください。",
    en: "Thank you. Here is your team's summary; please answer the debrief questions below.",
  },
  endedTurns: {
    ja: "プレイしたターン：{n}（{from}〜{to}）",
    en: "Turns played: {n} ({from} to {to})",
  },
  endedSpent: { ja: "支出：{spent}（残り予算 {left}）", en: "Spent: {spent} (budget left {left})" },
  endedStock: { ja: "{lever} の在庫：{t}", en: "{lever} holds {t}" },
  endedLoss: {
    ja: "担当部門の付加価値損失：合計 {money}（最も悪いターン {label}、不足率 {share}）",
    en: "Value added lost in your sectors: {money} in all (worst turn {label}, shortfall {share})",
  },
  endedNoLoss: {
    ja: "担当部門の生産は止まりませんでした。",
    en: "Your sectors lost no output.",
  },
  endedProjects: { ja: "プロジェクト", en: "Projects" },
  endedNoProjects: { ja: "プロジェクトはありません。", en: "No projects." },
  projectLine: {
    ja: "{lever}：{status}（第{start}ターン開始）",
    en: "{lever}: {status} (started turn {start})",
  },
  project_pending: { ja: "準備中", en: "being prepared" },
  project_active: { ja: "稼働中", en: "running" },
  project_failed: { ja: "失敗", en: "failed" },
  project_closed: { ja: "閉鎖", en: "closed" },
  project_completed: { ja: "完了", en: "completed" },
  endedObserver: {
    ja: "おつかれさまでした。振り返り（AAR）はファシリテーターが案内します。",
    en: "Thank you. The facilitator will lead the review.",
  },
  // facilitator: resolution mode
  resolutionLabel: { ja: "ターンの進め方", en: "How turns resolve" },
  resolutionAll: {
    ja: "全チームが確定したら自動で進める",
    en: "Automatically when every team has locked",
  },
  resolutionReveal: {
    ja: "全チーム確定後、ファシリテーターが公開して進める",
    en: "Wait for the facilitator to reveal",
  },
  allLockedReveal: {
    ja: "全チームが確定しました。議論のあと「公開して進める」を押してください。",
    en: "Every team has locked — discuss, then reveal when ready.",
  },
  reveal: { ja: "公開して進める", en: "Reveal and resolve" },
  endedNext: {
    ja: "演習は終了しました。次は振り返りです。演習全体の結果のまとめ、各ターンの理由、振り返りの問い、PDFレポートがあります。",
    en: "The exercise has ended. Next, the review: what the whole exercise shows, each turn's why, the debrief questions and the PDF report.",
  },
} satisfies Record<string, { ja: string; en: string }>;
