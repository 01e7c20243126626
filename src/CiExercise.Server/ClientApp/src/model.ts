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

export interface Choice { id: string; text: Localized }

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
}

/** A severity rating by the national scale's three criteria, 0–4 each; the level is the highest. */
export interface SeverityRating { continuity: number; safety: number; trust: number }

export interface InjectState {
  inject: Inject;
  adHoc: boolean;
  status: "pending" | "fired";
  firedSeq?: number | null;
  firedAtScenario?: string | null;
  late: boolean;
  recipients: string[];
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
