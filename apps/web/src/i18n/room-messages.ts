/**
 * Text of what the room reads about its own play: each team's objectives and how they stand,
 * the "why" card after each turn, projects' turns of fortune, and co-funded shared levers —
 * in Japanese and English (merged into `messages`). {x} are filled in.
 */
export const roomMessages = {
  // objectives
  objectivesTitle: { ja: "チームの目標", en: "Your team's objectives" },
  objectivesAllTitle: { ja: "各チームの目標", en: "Each team's objectives" },
  objectivesNone: {
    ja: "このシナリオにはチームの目標がありません。",
    en: "This scenario sets your team no objectives.",
  },
  objectiveEveryTurn: { ja: "毎ターン", en: "every turn" },
  objectiveAtEnd: { ja: "最終ターンに", en: "at the end" },
  objectiveAtLeast: { ja: "{target} 以上", en: "at least {target}" },
  objectiveAtMost: { ja: "{target} 以下", en: "at most {target}" },
  objectiveNow: { ja: "直近（{label}）: {value}", en: "latest ({label}): {value}" },
  objectiveNotYet: { ja: "最初のターンの結果を待っています", en: "waiting for the first turn" },
  objectiveHeldTurns: { ja: "{held}/{turns} ターン達成", en: "held in {held} of {turns} turns" },
  objectiveOnTrack: { ja: "達成中", en: "on track" },
  objectiveMissed: { ja: "未達", en: "missed" },
  objectiveOffTrack: { ja: "現状は目標に届いていない", en: "not there yet" },
  objectiveMet: { ja: "達成", en: "met" },
  objectiveYes: { ja: "稼働中", en: "running" },
  objectiveNo: { ja: "稼働していない", en: "not running" },
  objectiveDays: { ja: "{n} 日分", en: "{n} days" },
  // why
  whyTitle: { ja: "なぜこうなったか（{label}）", en: "Why it came out this way ({label})" },
  whyNone: {
    ja: "あなたのチームの資源と部門には、平時と違う動きはありませんでした。",
    en: "Nothing moved away from normal for your team's materials and sectors.",
  },
  whyTeamNote: {
    ja: "あなたのチームの資源・部門について、エンジンの判定理由です。他チームの決定は表示しません。",
    en: "The engine's reasons for your team's materials and sectors. Other teams' decisions are not shown.",
  },
  // project news
  projectNewsTitle: { ja: "プロジェクトの動き", en: "Project news" },
  projectNews_active: { ja: "{lever}が稼働を始めました", en: "{lever} came on stream" },
  projectNews_completed: { ja: "{lever}が完了しました", en: "{lever} completed" },
  projectNews_succeeded: { ja: "{lever}が成功しました", en: "{lever} succeeded" },
  projectNews_in_effect: { ja: "{lever}が始まりました", en: "{lever} took effect" },
  projectNews_won: { ja: "{lever}は勝訴しました", en: "{lever} was won" },
  projectNews_lost: { ja: "{lever}は敗訴しました", en: "{lever} was lost" },
  projectNews_failed: { ja: "{lever}は失敗しました", en: "{lever} failed" },
  projectNews_closed: { ja: "{lever}は閉鎖されました", en: "{lever} closed" },
  projectNews_losing: { ja: "{lever}が赤字になりました", en: "{lever} began losing money" },
  projectNewsWhen: { ja: "{label}（第{n}ターン）", en: "{label} (turn {n})" },
  projectNewsTeams: { ja: "実施: {teams}", en: "run by {teams}" },
  // reveal mode's time-out
  timeUpReveal: {
    ja: "時間切れ・公開待ち",
    en: "Time's up — waiting for the reveal",
  },
  theTimer: { ja: "タイマー", en: "the timer" },
  draftingClosedTeam: {
    ja: "時間切れです。チームの決定はその時点の下書きで確定しました（空なら何もしません）。ファシリテーターが結果を公開するまでお待ちください。",
    en: "Time's up: your team's decision is locked as the draft stood (an empty draft does nothing). The facilitator will reveal the turn.",
  },
  draftingClosedConsole: {
    ja: "時間切れです。各チームの下書きをその時点の内容で確定しました。議論のあと「公開して進める」を押してください（自動では進みません）。",
    en: "Time's up: each team's draft was locked as it stood. Discuss, then press Reveal — the turn will not resolve by itself.",
  },
  // price overrides: the stated rule (the engine sets the turn's starting state)
  overridePriceRule: {
    ja: "価格の修正は、このターン（{label}）の開始時の価格を変えます。各チームはその価格を見て決め、ターンの判定で市場価格はそこから動きます。グラフと表には判定後の価格が出ます。予算と備蓄の修正はそのまま残ります。",
    en: "A price override sets the price this turn ({label}) starts from: teams decide against it, and the market moves on from it when the turn resolves. Charts and tables show the resolved price. Budget and stock overrides stay as set.",
  },
  overridePriceOpen: {
    ja: "このターンの開始価格として設定（判定はこれから）",
    en: "set as this turn's starting price (not yet resolved)",
  },
  overridePriceResult: {
    ja: "開始価格として設定。判定後の価格: {price}",
    en: "set as the starting price; after the turn resolved: {price}",
  },
  overridePriceResultTimes: {
    ja: "開始価格として設定。判定後は平時の {x} 倍",
    en: "set as the starting price; after the turn resolved: {x}× normal",
  },
  // the reveal (projector and observers)
  revealTitle: { ja: "第{n}ターン（{label}）の結果", en: "Turn {n} ({label}): the reveal" },
  revealDecided: { ja: "各チームの決定", en: "What each team decided" },
  revealNothing: { ja: "何もしない", en: "nothing" },
  revealWhy: { ja: "何が起きたか、なぜか", en: "What happened, and why" },
  revealCalm: { ja: "平時と違う動きはありませんでした。", en: "Nothing moved away from normal." },
  revealNone: {
    ja: "最初のターンが判定されると、ここに結果が出ます。",
    en: "The reveal appears here once the first turn resolves.",
  },
  observerDecisionsTitle: {
    ja: "各チームの決定（判定済みのターン）",
    en: "Every team's decisions (resolved turns)",
  },
  observerReviewLink: {
    ja: "振り返り（全ターンの決定と理由）を開く",
    en: "Open the review (every turn's decisions and causes)",
  },
  projectorPanel: { ja: "プロジェクター", en: "Projector" },
  projectorShow_join: { ja: "参加用QRを映す", en: "Show the join QR" },
  projectorShow_turn: { ja: "このターンを映す", en: "Show this turn" },
  projectorShow_reveal: { ja: "前ターンの結果を映す", en: "Show the last turn's reveal" },
  // What the projector shows now, as a noun ("Showing: this turn"), not the button's command.
  projectorScreen_join: { ja: "参加用QR", en: "the join QR" },
  projectorScreen_turn: { ja: "このターン", en: "this turn" },
  projectorScreen_reveal: { ja: "前ターンの結果", en: "the last turn's reveal" },
  projectorShowing: { ja: "表示中: {screen}", en: "Showing: {screen}" },
  projectorOpen: { ja: "プロジェクター画面を開く", en: "Open the projector screen" },
  projectorPanelNote: {
    ja: "プロジェクター画面（この端末で開いたもの）に何を映すかを選びます。",
    en: "Choose what the projector screen (opened on this device) shows.",
  },
  chartStockEmptyOthers: {
    ja: "備蓄は、それを持つチームの画面にだけ表示されます",
    en: "Stockpiles show only on the screens of the teams that hold them",
  },
  // a participant moved by the facilitator
  movedTo: {
    ja: "ファシリテーターがあなたを「{from}」から「{to}」に移しました。以下の説明・予算・決定はこのチームのものです。",
    en: "The facilitator moved you from {from} to {to}. The briefing, budget and decision below are now this team's.",
  },
  movedOff: {
    ja: "ファシリテーターがあなたを「{from}」から外しました。次のチームの割り当てを待っています。",
    en: "The facilitator took you off {from}. You are waiting to be assigned a team.",
  },
  movedAssigned: {
    ja: "ファシリテーターがあなたを「{to}」に割り当てました。",
    en: "The facilitator put you on {to}.",
  },
  movedOk: { ja: "了解", en: "OK" },
  draftLeftBy: {
    ja: "下書きあり（最後に変更した {name}（{time}）はチームにいません）",
    en: "draft saved (last changed by {name} at {time}, no longer on the team)",
  },
  // shared levers
  cardSharedBefore: {
    ja: "{teams}も選べる施策です。同じターンに{teams}も実施すると、一つのプロジェクトを共同で出資し、費用は各チームの規模に応じて分担します（成否の判定は一回）",
    en: "{teams} may start this too: if they also start it this turn, you co-fund one project, costs split by the scale each asks (one success draw)",
  },
  cardCoFunded: {
    ja: "{teams}と共同出資（あなたの負担 {share}）",
    en: "co-funded with {teams} (your share {share})",
  },
} as const;
