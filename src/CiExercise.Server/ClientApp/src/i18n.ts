import { useEffect, useState } from "preact/hooks";
import type { Localized } from "./model";

export type Lang = "ja" | "en";

// Remembered in localStorage: a language is a person's preference, not part of one sign-in.
const KEY = "ciex.lang";
let current: Lang = (localStorage.getItem(KEY) as Lang | null) ?? (navigator.language.startsWith("ja") ? "ja" : "en");
const listeners = new Set<() => void>();

export function lang(): Lang {
  return current;
}

export function setLang(next: Lang): void {
  current = next;
  localStorage.setItem(KEY, next);
  document.documentElement.lang = next;
  listeners.forEach(l => l());
}

export function toggleLang(): void {
  setLang(current === "ja" ? "en" : "ja");
}

/** Re-renders the calling component when the language changes. */
export function useLang(): Lang {
  const [, set] = useState(0);
  useEffect(() => {
    const l = () => set(n => n + 1);
    listeners.add(l);
    return () => void listeners.delete(l);
  }, []);
  return current;
}

/** Scenario text in the chosen language, falling back to the other one. */
export function loc(text: Localized | null | undefined): string {
  if (!text) return "";
  return (current === "ja" ? text.ja ?? text.en : text.en ?? text.ja) ?? "";
}

export function t(key: keyof typeof dictionary, ...args: (string | number)[]): string {
  const text = dictionary[key][current === "ja" ? 1 : 0];
  return args.reduce<string>((s, a, i) => s.replace(`{${i}}`, String(a)), text);
}

document.documentElement.lang = current;

export const dictionary = {
  exercise: ["EXERCISE", "訓練"],
  exerciseBanner: ["EXERCISE — EXERCISE — EXERCISE: everything here is a drill, not a real incident", "訓練 — EXERCISE — これは訓練です。実際のインシデントではありません"],
  haltBanner: ["REAL-WORLD HALT — all play is stopped", "実事案による訓練中断 — すべての訓練を停止中"],
  reason: ["Reason", "理由"],
  language: ["日本語", "English"],
  languageLabel: ["Switch language (L)", "言語を切り替える (L)"],
  signOut: ["Sign out", "サインアウト"],
  skip: ["Skip to main content", "本文へ移動"],
  shortcuts: ["Keyboard shortcuts (?)", "キーボード操作 (?)"],
  close: ["Close", "閉じる"],
  loading: ["Loading…", "読み込み中…"],
  // Connection
  "conn.connecting": ["Connecting", "接続中"],
  "conn.catching-up": ["Catching up", "追いつき中"],
  "conn.connected": ["Connected", "接続済み"],
  "conn.reconnecting": ["Reconnecting", "再接続中"],
  "conn.closed": ["Signed out", "サインアウト済み"],
  "closed.revoked": ["You have been signed out: the control cell revoked your join link.", "サインアウトされました。統制チームが参加リンクを失効させました。"],
  "closed.expired": ["You have been signed out: your sign-in has expired.", "サインアウトされました。サインインの有効期限が切れました。"],
  "closed.next": ["Ask the control cell for a new link.", "統制チームに新しいリンクを依頼してください。"],
  "closed.connection-limit": ["This sign-in already has as many consoles open as it may.", "このサインインで開けるコンソールの数の上限に達しています。"],
  "closed.connection-limit-next": ["Close another tab or window with this console, then reload this page.", "このコンソールを開いている別のタブかウィンドウを閉じてから、このページを再読み込みしてください。"],
  // Clock
  scenarioTime: ["Scenario time", "シナリオ時刻"],
  wallTime: ["Wall time", "実時刻"],
  elapsed: ["Elapsed", "経過"],
  speed: ["Speed", "速度"],
  "status.draft": ["Not started", "未開始"],
  "status.running": ["Running", "進行中"],
  "status.paused": ["Paused", "一時停止"],
  "status.halted": ["Halted", "中断"],
  "status.ended": ["Ended", "終了"],
  // Join
  joinTitle: ["Signing in", "サインイン中"],
  joinNoToken: ["This link has no sign-in token. Open the complete join link you were given.", "リンクにサインイン用トークンがありません。受け取った参加リンク全体を開いてください。"],
  joinFailed: ["The join link was refused: {0}", "参加リンクが拒否されました: {0}"],
  notSignedIn: ["You are not signed in. Open the join link you were given.", "サインインしていません。受け取った参加リンクを開いてください。"],
  wrongConsole: ["This console is not for your sign-in.", "このコンソールはあなたのサインインでは使えません。"],
  goHome: ["Go to my console", "自分のコンソールへ"],
  // Landing page
  "landing.what": [
    "CiExercise runs cross-sector cyber and crisis exercises for critical infrastructure: a control cell plays a scripted scenario, organizations of many sectors respond from their own offices in real time and share information along their reporting routes, and evaluators observe against the exercise objectives.",
    "CiExercise は重要インフラの分野横断的なサイバー・危機対応訓練を運営します。統制チームがシナリオを進行し、各分野の組織が自らの職場からリアルタイムで対応して報告ルートに沿って情報を共有し、評価者が訓練目標に照らして評価します。",
  ],
  "landing.drill": ["Everything on these pages is an exercise, not a real incident.", "このページのすべては訓練であり、実際のインシデントではありません。"],
  "landing.joinTitle": ["Joining an exercise", "訓練への参加"],
  "landing.join": [
    "Open the join link you were given (it ends in /join#…). It signs you in and takes you to your console: participant, evaluator, observer or control cell.",
    "受け取った参加リンク（末尾が /join#…）を開いてください。サインインして、参加者・評価者・オブザーバー・統制のいずれかのコンソールが開きます。",
  ],
  "landing.session": ["A sign-in lasts as long as this browser tab.", "サインインはこのブラウザのタブを閉じるまで有効です。"],
  "landing.setupTitle": ["Setting up", "初期設定"],
  "landing.setup": [
    "The first controller's one-time sign-in link is written to data/first-controller-link.txt on the server (printed on the server's console too when it runs in a terminal) when the server first starts. The control cell then issues join links for everyone else.",
    "最初の統制官用のワンタイム・サインインリンクは、サーバーの初回起動時にサーバー上の data/first-controller-link.txt に書き込まれます（端末で動かしているときはサーバーのコンソールにも表示されます）。その後、統制チームが他の全員の参加リンクを発行します。",
  ],
  // Participant
  participantTitle: ["Participant console", "参加者コンソール"],
  inbox: ["Inbox", "受信箱"],
  inboxEmpty: ["No injects yet.", "まだインジェクトはありません。"],
  unread: ["Unread", "未読"],
  acknowledged: ["Acknowledged", "確認済み"],
  answered: ["Answered", "回答済み"],
  due: ["Due", "対応待ち"],
  overdue: ["Overdue", "期限超過"],
  timeLeft: ["{0} left", "残り {0}"],
  channel: ["Channel", "経路"],
  from: ["From", "差出人"],
  expectedAction: ["Expected action", "期待される対応"],
  respondBy: ["Respond by (scenario)", "回答期限（シナリオ）"],
  acknowledge: ["Acknowledge (A)", "確認 (A)"],
  acknowledgedBy: ["Acknowledged by {0}", "{0} が確認"],
  decide: ["Decision", "意思決定"],
  choice: ["Choice", "選択肢"],
  noChoice: ["(free text only)", "（自由記述のみ）"],
  freeText: ["Free text", "自由記述"],
  record: ["Record decision", "意思決定を記録"],
  recorded: ["Recorded (#{0})", "記録しました（#{0}）"],
  decisions: ["Decisions recorded", "記録済みの意思決定"],
  selectInject: ["Select an inject in the inbox (J / K).", "受信箱からインジェクトを選択してください（J / K）。"],
  share: ["Share information", "情報共有"],
  recipients: ["Recipients", "宛先"],
  reportingRoute: ["reports to (reporting route)", "報告先（報告ルート）"],
  subject: ["Subject", "件名"],
  body: ["Message", "本文"],
  regarding: ["Regarding inject", "関連インジェクト"],
  none: ["(none)", "（なし）"],
  send: ["Send", "送信"],
  sent: ["Sent", "送信"],
  received: ["Received", "受信"],
  sharedRecord: ["Shared information", "共有の記録"],
  to: ["To", "宛先"],
  timeline: ["Our timeline", "自組織のタイムライン"],
  // Event kinds
  "kind.exercise-created": ["Exercise created", "訓練作成"],
  "kind.exercise-started": ["STARTEX", "訓練開始"],
  "kind.exercise-paused": ["Paused", "一時停止"],
  "kind.exercise-resumed": ["Resumed", "再開"],
  "kind.speed-changed": ["Speed changed", "速度変更"],
  "kind.clock-jumped": ["Clock jumped", "時刻ジャンプ"],
  "kind.exercise-ended": ["ENDEX", "訓練終了"],
  "kind.real-world-halt-declared": ["Real-world halt", "実事案による中断"],
  "kind.real-world-halt-lifted": ["Halt lifted", "中断解除"],
  "kind.inject-fired": ["Inject fired", "インジェクト発出"],
  "kind.ad-hoc-inject-added": ["Ad-hoc inject", "臨時インジェクト"],
  "kind.observation-recorded": ["Observation", "評価記録"],
  "kind.inject-delivered": ["Inject delivered", "インジェクト受信"],
  "kind.inject-acknowledged": ["Acknowledged", "確認"],
  "kind.decision-recorded": ["Decision", "意思決定"],
  "kind.message-sent": ["Message sent", "情報送信"],
  "kind.message-received": ["Message received", "情報受信"],
  // Controller
  controllerTitle: ["Control cell", "統制コンソール"],
  exercises: ["Exercises", "訓練一覧"],
  createExercise: ["Create an exercise", "訓練を作成"],
  scenario: ["Scenario", "シナリオ"],
  name: ["Name", "名称"],
  create: ["Create", "作成"],
  open: ["Open", "開く"],
  start: ["Start (S)", "開始 (S)"],
  pause: ["Pause (P)", "一時停止 (P)"],
  resume: ["Resume (S)", "再開 (S)"],
  end: ["End exercise", "訓練終了"],
  confirmEnd: ["End the exercise? Play cannot continue afterwards.", "訓練を終了しますか？終了後は再開できません。"],
  setSpeed: ["Set speed", "速度設定"],
  jumpNext: ["Jump to next inject (N)", "次のインジェクトへ (N)"],
  jumpPhase: ["Jump to phase", "フェーズへジャンプ"],
  jump: ["Jump", "ジャンプ"],
  halt: ["REAL-WORLD HALT (H)", "実事案による中断 (H)"],
  haltConfirm: ["Halt all play now? Every console shows the halt at once and no injects fire until it is lifted.", "すべての訓練を直ちに中断しますか？全コンソールに中断が表示され、解除までインジェクトは発出されません。"],
  haltDo: ["Halt everything", "すべて中断"],
  cancel: ["Cancel", "キャンセル"],
  lift: ["Lift the halt", "中断を解除"],
  board: ["MSEL board", "MSEL ボード"],
  at: ["At", "時刻"],
  inject: ["Inject", "インジェクト"],
  status: ["Status", "状態"],
  pending: ["Pending", "未発出"],
  fired: ["Fired", "発出済み"],
  delivered: ["Delivered", "受信"],
  adhoc: ["ad hoc", "臨時"],
  orgGrid: ["Organizations by sector", "セクター別組織"],
  keepingUp: ["keeping up", "対応良好"],
  behind: ["behind", "遅れあり"],
  idle: ["nothing yet", "未受信"],
  simulated: ["played by the control cell", "統制側が演じる"],
  adhocTitle: ["Ad-hoc inject", "臨時インジェクト"],
  everyone: ["Everyone", "全組織"],
  title: ["Title", "タイトル"],
  responseWindow: ["Response window (minutes, scenario)", "回答期限（分、シナリオ時間）"],
  fire: ["Fire inject", "インジェクト発出"],
  joinLinks: ["Join links", "参加リンク"],
  kind: ["Kind", "種別"],
  organization: ["Organization", "組織"],
  role: ["Role", "役割"],
  personName: ["Person's name", "氏名"],
  issue: ["Issue link", "リンク発行"],
  revoke: ["Revoke", "失効"],
  revoked: ["revoked", "失効済み"],
  downloadCsv: ["Download CSV", "CSV ダウンロード"],
  link: ["Link", "リンク"],
  expires: ["Expires", "有効期限"],
  "principal.participant": ["Participant", "参加者"],
  "principal.evaluator": ["Evaluator", "評価者"],
  "principal.observer": ["Observer", "オブザーバー"],
  "principal.controller": ["Controller", "統制官"],
  // Roster import
  "roster.title": ["Import a roster", "名簿の取り込み"],
  "roster.help": [
    "A .csv or .xlsx file with a header row — name, organization, role, email (or 氏名, 組織, 役割, メール) — and one row per person. The file is checked first; nothing is issued until you confirm, and nothing at all if any row is wrong.",
    "見出し行（name, organization, role, email または 氏名, 組織, 役割, メール）と1人1行の .csv または .xlsx ファイル。まず内容を検査し、確定するまで発行しません。誤りが1行でもあれば何も発行しません。",
  ],
  "roster.file": ["Roster file", "名簿ファイル"],
  "roster.days": ["Valid for (days)", "有効日数"],
  "roster.issue": ["Issue {0} links", "{0} 件のリンクを発行"],
  "roster.invalid": ["{0} errors in the file ({1}); nothing was issued. Correct the file and choose it again.", "ファイルに {0} 件の誤りがあります（{1}）。何も発行していません。修正して選び直してください。"],
  "roster.more": ["…and {0} more errors", "…ほか {0} 件の誤り"],
  "roster.row": ["Row", "行"],
  "roster.column": ["Column", "列"],
  "roster.problem": ["Problem", "内容"],
  "roster.ready": ["{0} people in {1} organizations ({2}), ready to issue.", "{1} 組織の {0} 人（{2}）。発行できます。"],
  "roster.done": ["Issued {0} join links.", "{0} 件の参加リンクを発行しました。"],
  "roster.people": ["People", "人数"],
  "roster.withEmail": ["With e-mail", "メールあり"],
  "roster.orgCsv": ["CSV for this organization", "この組織の CSV"],
  "roster.downloadZip": ["Download per organization (ZIP)", "組織別にダウンロード（ZIP）"],
  "roster.email": ["E-mail", "メール"],
  // Evaluator
  evaluatorTitle: ["Evaluator console", "評価者コンソール"],
  observerTitle: ["Observer view (read-only)", "オブザーバー表示（閲覧のみ）"],
  feed: ["Live feed", "ライブフィード"],
  all: ["All", "すべて"],
  sector: ["Sector", "セクター"],
  objective: ["Objective", "目標"],
  observation: ["Record an observation (O)", "評価を記録 (O)"],
  strength: ["Strength", "良好事項"],
  improvement: ["Area for improvement", "改善事項"],
  rating: ["Rating", "評定"],
  noRating: ["No rating", "評定なし"],
  "rating.p": ["P — performed without challenges", "P — 問題なく実施"],
  "rating.s": ["S — some challenges", "S — 一部課題あり"],
  "rating.m": ["M — major challenges", "M — 重大な課題あり"],
  "rating.u": ["U — unable to perform", "U — 実施できず"],
  text: ["Observation", "所見"],
  objectives: ["Objectives", "目標"],
  injects: ["Injects", "インジェクト"],
  organizations: ["Organizations", "組織"],
  coverage: ["Objectives observed so far", "評価済みの目標"],
  observations: ["Observations", "評価記録"],
  noEvents: ["No events match.", "該当するイベントはありません。"],
  // Sectors (the scenario files' kebab-case names)
  "sector.information-communications": ["Information & communications", "情報通信"],
  "sector.finance": ["Finance", "金融"],
  "sector.aviation": ["Aviation", "航空"],
  "sector.airports": ["Airports", "空港"],
  "sector.railways": ["Railways", "鉄道"],
  "sector.electric-power": ["Electric power", "電力"],
  "sector.gas": ["Gas", "ガス"],
  "sector.government": ["Government & administrative services", "政府・行政サービス"],
  "sector.medical": ["Medical", "医療"],
  "sector.water": ["Water", "水道"],
  "sector.logistics": ["Logistics", "物流"],
  "sector.chemicals": ["Chemicals", "化学"],
  "sector.credit-cards": ["Credit cards", "クレジット"],
  "sector.petroleum": ["Petroleum", "石油"],
  "sector.ports": ["Ports", "港湾"],
  "sector.national-centre": ["National cybersecurity centre", "国家サイバーセキュリティセンター"],
  "sector.ministry": ["Ministries", "所管省庁"],
  "sector.ceptoar": ["CEPTOARs", "セプター"],
  "sector.agency": ["Agencies", "関係機関"],
  "sector.vendor": ["Vendors", "ベンダー"],
  // Shortcuts help
  "help.global": ["Anywhere: ? this help · L switch language · Esc close a dialog", "共通: ? このヘルプ · L 言語切替 · Esc ダイアログを閉じる"],
  "help.participant": ["Participant: J / K next / previous inject · A acknowledge · D decision · M share information", "参加者: J / K 次 / 前のインジェクト · A 確認 · D 意思決定 · M 情報共有"],
  "help.controller": ["Controller: S start / resume · P pause · N next inject · H real-world halt · B MSEL board", "統制: S 開始 / 再開 · P 一時停止 · N 次のインジェクト · H 実事案中断 · B MSEL ボード"],
  "help.evaluator": ["Evaluator: F feed filters · O record an observation", "評価者: F フィルター · O 評価を記録"],
  // Long lists (850 organizations): search, filters, windowed rows
  search: ["Search", "検索"],
  searchOrg: ["Organization name or id", "組織名または ID"],
  found: ["{0} shown", "{0} 件表示"],
  perOrganization: ["per organization", "組織別"],
  "filter.pending": ["Not fired yet", "未発出"],
  "filter.fired": ["Fired", "発出済み"],
  "filter.unacknowledged": ["Not acknowledged", "未確認あり"],
  "filter.overdue": ["Overdue", "期限超過あり"],
  "filter.behind": ["Behind", "遅れ"],
  "filter.keepingUp": ["Keeping up", "対応中"],
  "filter.idle": ["Nothing received", "受信なし"],
  "filter.offline": ["Nobody connected", "接続者なし"],
  "filter.online": ["Someone connected", "接続者あり"],
  online: ["connected", "接続"],
  nobody: ["nobody connected", "接続者なし"],
  // Presence
  presence: ["Who is connected", "接続状況"],
  presenceLoading: ["Reading who is connected…", "接続状況を取得中…"],
  orgsConnected: ["organizations with someone connected", "組織で接続者あり"],
  consoles: ["consoles", "コンソール"],
  staffConsoles: ["control {0} · evaluators {1} · observers {2}", "統制 {0} · 評価者 {1} · 見学者 {2}"],
  connectedOrgs: ["Organizations connected", "接続組織"],
  nobodyConnected: ["Played organizations with nobody connected", "接続者のいない参加組織"],
  // Communication checks
  commChecks: ["Communication checks", "通信確認"],
  commCheck: ["Communication check", "通信確認"],
  noChecks: ["No communication check yet.", "通信確認はまだありません。"],
  route: ["Route", "経路"],
  "route.chain": ["Down the reporting chain (ministries → CEPTOARs → operators)", "報告経路に沿って（省庁 → セプター → 事業者）"],
  "route.everyone": ["To everyone at once", "全組織へ一斉に"],
  checkMessage: ["Message", "メッセージ"],
  startCheck: ["Start the check", "通信確認を開始"],
  checkStarted: ["{0} sent; it should reach {1} organizations.", "{0} を送信しました。対象は {1} 組織です。"],
  closed: ["closed", "終了"],
  closeCheck: ["Close", "終了する"],
  stage: ["Stage", "段階"],
  "stage.ministry": ["Ministries", "所管省庁"],
  "stage.ceptoar": ["CEPTOARs", "セプター"],
  "stage.operator": ["Operators", "事業者"],
  "stage.other": ["Others", "その他"],
  reached: ["Reached", "到達"],
  rate: ["Reachability", "到達率"],
  medianAck: ["Median time", "所要時間（中央値）"],
  slowestAck: ["Slowest", "最遅"],
  notAnswered: ["Not answered", "未応答"],
  receivedNotAcked: ["received, not acknowledged", "受信済み・未確認"],
  notReached: ["not reached", "未到達"],
  via: ["via", "経由"],
  checkFrom: ["From", "発信元"],
  controlCell: ["the control cell", "統制部"],
  passOn: ["Pass on to {0} organizations", "{0} 組織へ伝達"],
  passedOn: ["Passed on to {0}", "{0} 組織へ伝達済み"],
  passOnTo: ["Pass on to", "伝達先"],
  "kind.communication-check-started": ["Check started", "通信確認開始"],
  "kind.communication-check-closed": ["Check closed", "通信確認終了"],
  "kind.communication-check-received": ["Check received", "通信確認受信"],
  "kind.communication-check-acknowledged": ["Check acknowledged", "通信確認応答"],
  "kind.communication-check-passed-on": ["Check passed on", "通信確認伝達"],
} satisfies Record<string, [string, string]>;
