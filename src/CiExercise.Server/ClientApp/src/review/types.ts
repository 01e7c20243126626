// The review's shapes as the server sends them (src/CiExercise.Review/Model, the report document, corrective
// actions): camelCase, enums in kebab case, durations as .NET TimeSpan text, nulls left out.
import type { Localized } from "../model";

export type Span = string;
export type Rating = "p" | "s" | "m" | "u";
export type BandKind = "paused" | "halted" | "speed" | "jump";
export type StageKind = "ministry" | "national-centre" | "ceptoar" | "other-sector";

export interface ReviewTask { id: string; text: Localized }
export interface ReviewObjective { id: string; text: Localized; capability: string; tasks?: ReviewTask[] }
export interface ReviewOrganization { id: string; name: Localized; sector: string; reportsTo?: string; roles: string[]; simulated: boolean; ceptoar?: string }
export interface ReviewInject { id: string; at: Span; title: Localized; objectives: string[]; choices?: { id: string; text: Localized }[]; incident?: boolean; escalation?: boolean; severity?: { expected?: number } }
export interface ReviewScenario {
  id: string; title: Localized; storyStart: string;
  organizations: ReviewOrganization[]; objectives: ReviewObjective[]; injects: ReviewInject[];
  review?: { hotWash?: HotWashQuestion[] };
}

export interface ClockBand {
  kind: BandKind; seq: number; wallFrom: string; wallTo?: string; scenarioFrom: Span; scenarioTo?: Span; speed: number; actorId?: string; reason?: string;
}

export interface Duration { scenario: Span; wall: Span }

export interface InjectResponse {
  injectId: string; organizationId: string; deliveredSeq: number; deliveredAt: string; deliveredAtScenario: Span; respondBy?: Span;
  acknowledge?: Duration; acknowledgedByRole?: string; firstDecision?: Duration; decidedByRole?: string; insideWindow?: boolean; overdue: boolean;
}
export interface RoleFigures { role: string; delivered: number; acknowledged: number; answered: number; withWindow: number; insideWindow: number }
export interface ResponseFigures {
  key: string; organizations: number; delivered: number; acknowledged: number; answered: number; withWindow: number; insideWindow: number;
  overdue: number; unanswered: number; medianAcknowledge?: Span; p90Acknowledge?: Span; medianFirstDecision?: Span; p90FirstDecision?: Span;
  byRole: RoleFigures[]; insideWindowShare?: number;
}
export interface EscalationKpi { injectId: string; organizationId: string; escalated?: Duration; actorId?: string; actorRole?: string }
export interface ChainStage { stage: StageKind; organizationId?: string; reached?: Duration; window: Span; insideWindow: boolean }
export interface ChainHop { seq: number; from: string; to: string; wallTime: string; scenarioTime: Span; subject: string; forwardedFromSeq?: number }
export interface ReportingChain {
  injectId: string; originOrganizationId: string; deliveredAt: string; deliveredAtScenario: Span; stages: ChainStage[]; path: ChainHop[]; neverReached: string[];
}
export interface SpreadPoint { scenarioTime: Span; sectors: number; organizations: number }
export interface StageReachability {
  injectId: string; stage: StageKind; organizations: number; reachedInWindow: number; reached: number; window: Span; spread: SpreadPoint[]; share?: number;
}
export interface SeverityValue { continuity: number; safety: number; trust: number }
export interface SeverityAnswer { organizationId: string; sector: string; rating: SeverityValue; level: number; sectorMean: number; fromExpected?: number }
export interface SeverityCalibration { injectId: string; expected?: number; mean?: number; answers: SeverityAnswer[]; sectors: { sector: string; answers: number; mean: number }[] }
export interface KpiMiss { organizationId: string; kpi: string; injectId: string; detail: string }
export interface KpiReport {
  responses: InjectResponse[]; organizations: ResponseFigures[]; sectors: ResponseFigures[]; exercise: ResponseFigures;
  escalations: EscalationKpi[]; chains: ReportingChain[]; reachability: StageReachability[]; severity: SeverityCalibration[]; misses: KpiMiss[];
}

export interface TaskRatingEntry { seq: number; evaluatorId: string; wallTime: string; rating: Rating; text?: string; evidenceSeqs: number[] }
export interface TaskEvaluation { taskId: string; text: Localized; current?: Rating; ratings: TaskRatingEntry[] }
export interface ObjectiveEvaluation { objectiveId: string; text: Localized; capability: string; rating?: Rating; tasks: TaskEvaluation[]; observations: number }
export interface ObservationEntry {
  seq: number; evaluatorId: string; wallTime: string; scenarioTime: Span;
  observation: { kind: string; rating?: Rating; text: string; objectiveIds: string[]; injectIds: string[]; organizationIds: string[] };
}
export interface EvaluationReport { objectives: ObjectiveEvaluation[]; observations: ObservationEntry[]; unevaluatedObjectives: string[]; unevaluatedTasks: { objectiveId: string; taskId: string }[] }

export interface HotWashAnswer { questionId: string; rating?: number; text?: string }
export interface HotWashEntry { seq: number; organizationId: string; personId: string; role: string; wallTime: string; answers: HotWashAnswer[] }
export interface OrganizationParticipation { organizationId: string; sector: string; simulated: boolean; joined: string[]; acted: string[]; lastActedAt?: string; wentSilent: boolean }
export interface ParticipationReport { organizations: OrganizationParticipation[]; lateness: { injectId: string; adHoc: boolean; firedAtScenario?: Span; lateness: Span; late: boolean }[]; hotWash: HotWashEntry[] }

export interface ExerciseReview {
  exerciseId: string; name: string; scenario: ReviewScenario; status: string; lastSeq: number; startedAt?: string; endedAt?: string;
  scenarioEnd: Span; bands: ClockBand[]; kpis: KpiReport; evaluation: EvaluationReport; participation: ParticipationReport;
}

export interface TimelineEntry {
  seq: number; kind: string; wallTime: string; scenarioTime: Span; organizationId?: string; sector?: string; actorId: string; actorRole: string;
  injectId?: string; objectiveIds: string[]; refSeq?: number; summary: Localized;
}
export interface TimelinePage { entries: TimelineEntry[]; nextAfterSeq?: number; matched: number }

export interface ReplayOrganizationLine { organizationId: string; sector: string; received: number; acknowledged: number; answered: number; overdue: number; messagesSent: number; messagesReceived: number }
export interface ReplayInject { injectId: string; fired: boolean; firedAtScenario?: Span; recipients: number; acknowledged: number; answered: number; overdueOrganizations: string[] }
export interface ReplaySnapshot { atSeq: number; wallTime: string; scenarioTime: Span; status: string; organizations: ReplayOrganizationLine[]; injects: ReplayInject[]; shares: unknown[] }
export interface InboxItem {
  injectId: string; deliveredSeq: number; roles: string[]; deliveredAt: string; deliveredAtScenario: Span; late: boolean; respondBy?: Span;
  acknowledgedSeq?: number; acknowledgedBy?: string; decisionSeqs: number[];
}
export interface MessageItem { seq: number; messageId: string; fromOrganizationId: string; sentBy: string; to: string[]; subject: string; body: string; wallTime: string; scenarioTime: Span; regardingInjectId?: string }
export interface ReplayOrganization { atSeq: number; scenarioTime: Span; view: { organizationId: string; inbox: InboxItem[]; sent: MessageItem[]; received: MessageItem[] }; overdueInjects: string[] }

export type ActionStatus = "open" | "in-progress" | "done" | "dropped";
export interface CorrectiveAction {
  id: string; exerciseId: string; objectiveId?: string; capability?: string; taskId?: string; observationSeq?: number; kpi?: string;
  finding: string; action: string; ownerOrganizationId?: string; due?: string; status: ActionStatus;
  createdBy: string; createdAt: string; updatedBy: string; updatedAt: string; version: number;
}
export interface CarriedAction { action: CorrectiveAction; recurred: boolean; evidence: string[] }
export interface CorrectiveActions { raised: CorrectiveAction[]; carried: CarriedAction[] }

export interface ReportTable { id: string; caption: string; columns: string[]; rows: (string | number | null)[][] }
export interface ReportSection { id: string; heading: string; paragraphs: string[]; tables: ReportTable[] }
export interface ReportDocument { language: string; title: string; marking: string; sections: ReportSection[] }

export interface HotWashQuestion { id: string; text: Localized; kind: "rating" | "text"; required: boolean }

export interface ExerciseTrend {
  exerciseId: string; name: string; scenarioId: string; startedAt?: string; status: string;
  objectives: { capability: string; objectiveId: string; rating?: Rating }[];
  tasks: { capability: string; objectiveId: string; taskId: string; rating?: Rating }[];
  organizations: ResponseFigures[]; sectors: ResponseFigures[];
}
export interface TrendReport { exercises: ExerciseTrend[] }
