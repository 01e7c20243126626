// The shapes the server sends (camelCase, enums in kebab case, durations "[-][d.]hh:mm:ss[.f]").

export type Localized = { ja?: string; en?: string };
export type Status = "draft" | "running" | "paused" | "halted" | "ended";
export type PrincipalKind = "controller" | "participant" | "evaluator" | "observer";

export interface Principal {
  kind: PrincipalKind;
  exerciseId?: string | null;
  organizationId?: string | null;
  role?: string | null;
  name: string;
}

export interface ClockView {
  wallTime: string;
  scenarioElapsed: string;
  storyTime: string;
  speed: number;
  running: boolean;
}

export interface Choice { id: string; text: Localized; restores?: string[] }

export interface Recipients { everyone: boolean; organizations: string[]; sectors: string[]; roles: string[] }

export interface Inject {
  id: string;
  at: string;
  recipients: Recipients;
  from: Localized;
  channel: string;
  title: Localized;
  body: Localized;
  expectedAction?: Localized | null;
  responseWindow?: string | null;
  objectives: string[];
  choices: Choice[];
  /** Asks the recipient to rate the incident's severity (0–4 on three criteria) as part of its decision. */
  severity?: { expected?: number | null } | null;
  /** A conditional inject: held until, or cancelled unless, something happens (staff see it). */
  hold?: InjectHold | null;
  /** A structured report the recipients answer instead of free text. */
  form?: ReportForm | null;
  /** News and social-media injects: the outlet shown in the feed; social ones the author's handle. */
  outlet?: Localized | null;
  handle?: string | null;
}

export type FieldType = "text" | "choice" | "number" | "date-time" | "severity" | "yes-no";

export interface FormField {
  id: string;
  label: Localized;
  type: FieldType;
  required: boolean;
  options?: Choice[];
  min?: number | null;
  max?: number | null;
  maxLength?: number | null;
  help?: Localized | null;
}

export interface ReportForm { title: Localized; fields: FormField[] }

/** One field's answer: the one value its type takes. */
export interface FieldAnswer {
  fieldId: string;
  text?: string | null;
  choiceId?: string | null;
  number?: number | null;
  at?: string | null;
  level?: number | null;
  yes?: boolean | null;
}

export type ConditionKind = "all-of" | "any-of" | "decision" | "not-acknowledged" | "message" | "delivered" | "service" | "severity" | "statement" | "report";
export type ServiceStatus = "up" | "degraded" | "down" | "restoring";

export interface Condition {
  kind: ConditionKind;
  of?: Condition[];
  injectId?: string | null;
  choiceId?: string | null;
  by?: { organizationId?: string | null; sector?: string | null; share?: number | null } | null;
  at?: string | null;
  to?: string | null;
  serviceId?: string | null;
  state?: ServiceStatus | null;
  atLeast?: number | null;
}

export interface InjectHold { when?: Condition | null; delay: string; deadline?: string | null; unless?: Condition | null }

/** How far one condition of a held inject has come; parts for all-of / any-of. */
export interface ConditionProgress {
  condition: Condition;
  met: boolean;
  metAt?: string | null;
  metSeq?: number | null;
  count: number;
  needed: number;
  summary: string;
  parts: ConditionProgress[];
}

/** Where a conditional inject's wait stands, or why it was released or cancelled. */
export interface HoldView {
  when?: ConditionProgress | null;
  unless?: ConditionProgress | null;
  delay: string;
  deadline?: string | null;
  dueAt?: string | null;
  reason?: string | null;
  triggerSeq?: number | null;
  manual: boolean;
}

export interface Service {
  id: string;
  name: Localized;
  organizationId: string;
  dependsOn: { serviceId: string; tolerance: string }[];
  recoveryTime: string;
}

export type ServiceCause = "inject" | "controller" | "cascade" | "decision" | "recovered";

/** One service now: its state since when and why; when it comes back (upAt) or follows a dependency down (failsAt). */
export interface ServiceView {
  service: Service;
  status: ServiceStatus;
  since: string;
  cause?: ServiceCause | null;
  causeServiceId?: string | null;
  upAt?: string | null;
  failsAt?: string | null;
  changedSeq?: number | null;
}

export interface ServiceBoard { asOfSeq: number; at: string; services: ServiceView[] }

export type FeedKind = "news" | "social" | "statement";

/** A live post in the feed: the control cell's news or social post, or an organization's press statement. */
export interface FeedPost { kind: FeedKind; outlet: string; handle?: string | null; headline: string; body: string; organizationId?: string | null }

/** A severity rating by the national scale's three criteria, 0–4 each; the level is the highest. */
export interface SeverityRating { continuity: number; safety: number; trust: number }

export interface InjectState {
  inject: Inject;
  adHoc: boolean;
  status: "pending" | "fired" | "held" | "released" | "cancelled";
  firedSeq?: number | null;
  firedAtScenario?: string | null;
  late: boolean;
  recipients: string[];
  /** For a conditional inject: what it waits for and how far that has come, or why it was released or cancelled. */
  hold?: HoldView | null;
}

export interface ExerciseView {
  id: string;
  name: string;
  scenarioId: string;
  status: Status;
  clock: ClockView;
  currentPhaseId?: string | null;
  nextInjectAt?: string | null;
  haltReason?: string | null;
  lastSeq: number;
  injects: InjectState[];
}

export interface Organization { id: string; name: Localized; sector: string; reportsTo?: string | null; roles: string[]; simulated: boolean }
export interface Objective { id: string; text: Localized; capability: string }
export interface Phase { id: string; name: Localized; start: string; end?: string | null }

/** A loaded scenario as the picker lists it (controllers only: scenarios reveal the injects). */
export interface Scenario { id: string; title: Localized }

/** What every member of an exercise may know: who plays, what is evaluated, the phases; never the injects. */
export interface Directory {
  exerciseId: string;
  title: Localized;
  summary: Localized;
  timeZone: string;
  storyStart: string;
  plannedDuration?: string | null;
  phases: Phase[];
  organizations: Organization[];
  objectives: Objective[];
}

/** One event-log row as a console receives it, replayed or live. */
export interface LiveEvent {
  seq: number;
  kind: string;
  wallTime: string;
  scenarioTime: string;
  organizationId?: string | null;
  actorId: string;
  actorRole: string;
  injectId?: string | null;
  refSeq?: number | null;
  payload: any;
  /** On inject-delivered: the inject as this organization may see it, so the console needs no other read. */
  inject?: Inject | null;
}

export interface ActionReceipt { seq: number; duplicate: boolean }

// "closed": the server ended this sign-in (a revoked or expired link); the console stops reconnecting.
export type Connection = "connecting" | "catching-up" | "connected" | "reconnecting" | "closed";
