import { useMemo } from "preact/hooks";
import type { ExerciseModel } from "./exercise";
import type { LiveEvent } from "./model";

export const STAGES = ["ministry", "ceptoar", "operator", "other"] as const;

/** One organization a check should reach, and how far it got (times in ms since the epoch). */
export interface CheckTarget { orgId: string; stage: string; via: string | null; receivedAt?: number; ackAt?: number; ackBy?: string; passedAt?: number }

export interface Check {
  id: string; seq: number; route: string; message: string; startedBy: string; startedAt: number; closedAt?: number;
  targets: Map<string, CheckTarget>;
}

/** A check as the organization that received it sees it: from whom, to whom to pass it on, its answers. */
export interface ReceivedCheck {
  id: string; orgId: string; seq: number; message: string; route: string; from: string | null; passOnTo: string[];
  ackSeq?: number; ackBy?: string; passedSeq?: number;
}

export interface StageReach { stage: string; organizations: number; received: number; acknowledged: number; rate: number; median?: number; slowest?: number }

const ms = (e: LiveEvent) => Date.parse(e.wallTime);

/**
 * Communication checks folded from the event stream, as the server's CheckFold folds the log: staff see
 * every check with its targets; a participant sees the rows of its own organization only.
 */
export class CheckBook {
  readonly checks = new Map<string, Check>();
  readonly received = new Map<string, ReceivedCheck>();
  private processed = 0;

  /** Applies the events not seen yet; a few already seen are applied again, which changes nothing. */
  update(events: LiveEvent[]): void {
    for (let i = Math.max(0, this.processed - 20); i < events.length; i++) this.apply(events[i]);
    this.processed = events.length;
  }

  receivedBy(orgId: string): ReceivedCheck[] {
    return [...this.received.values()].filter(r => r.orgId === orgId).sort((a, b) => b.seq - a.seq);
  }

  private apply(e: LiveEvent): void {
    const p = e.payload ?? {};
    const org = e.organizationId ?? "";
    const target = () => this.checks.get(p.checkId)?.targets.get(org);
    const mine = () => this.received.get(`${p.checkId}|${org}`);
    switch (e.kind) {
      case "communication-check-started":
        if (!this.checks.has(p.checkId))
          this.checks.set(p.checkId, {
            id: p.checkId, seq: e.seq, route: p.route, message: p.message, startedBy: e.actorId, startedAt: ms(e),
            targets: new Map((p.targets ?? []).map((t: { organizationId: string; stage: string; via?: string | null }) =>
              [t.organizationId, { orgId: t.organizationId, stage: t.stage, via: t.via ?? null }])),
          });
        break;
      case "communication-check-closed": {
        const c = this.checks.get(p.checkId);
        if (c) c.closedAt ??= ms(e);
        break;
      }
      case "communication-check-received": {
        const t = target();
        if (t) t.receivedAt ??= ms(e);
        const key = `${p.checkId}|${org}`;
        if (!this.received.has(key))
          this.received.set(key, { id: p.checkId, orgId: org, seq: e.seq, message: p.message, route: p.route, from: p.from ?? null, passOnTo: p.passOnTo ?? [] });
        break;
      }
      case "communication-check-acknowledged": {
        const t = target();
        if (t && t.ackAt === undefined) { t.ackAt = ms(e); t.ackBy = e.actorId; }
        const r = mine();
        if (r && r.ackSeq === undefined) { r.ackSeq = e.seq; r.ackBy = e.actorId; }
        break;
      }
      case "communication-check-passed-on": {
        const t = target();
        if (t) t.passedAt ??= ms(e);
        const r = mine();
        if (r) r.passedSeq ??= e.seq;
        break;
      }
    }
  }
}

/** Per stage: the share of its organizations that acknowledged, and how long after the start they did. */
export function reach(check: Check): StageReach[] {
  return STAGES.map(stage => {
    const targets = [...check.targets.values()].filter(t => t.stage === stage);
    const times = targets.filter(t => t.ackAt !== undefined).map(t => t.ackAt! - check.startedAt).sort((a, b) => a - b);
    return {
      stage, organizations: targets.length, received: targets.filter(t => t.receivedAt !== undefined).length, acknowledged: times.length,
      rate: targets.length ? times.length / targets.length : 0,
      median: times.length ? times[Math.floor(times.length / 2)] : undefined, slowest: times.length ? times[times.length - 1] : undefined,
    };
  }).filter(s => s.organizations > 0);
}

/** The model's checks, brought up to date with its stream on every render. */
export function useChecks(model: ExerciseModel): CheckBook {
  const book = useMemo(() => new CheckBook(), [model]);
  book.update(model.events);
  return book;
}
