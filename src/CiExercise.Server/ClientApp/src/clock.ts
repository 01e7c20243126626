import type { ClockView, LiveEvent, Status } from "./model";
import { parseSpan } from "./time";

/**
 * The exercise clock as the server defines it: scenario time = anchor + (wall − anchor wall) × speed
 * while running. Anchors come from the clock snapshot and then from each clock event, never from a
 * timer adding up ticks, so a console that sleeps or lags shows the right time when it wakes.
 */
export class ExerciseClock {
  status: Status = "draft";
  speed = 1;
  haltReason: string | null = null;
  private anchorWall = 0;
  private anchorScenario = 0;
  private storyStart = 0;
  private started = false;
  // Server wall time minus this browser's, so a skewed PC clock does not skew scenario time.
  private skew = 0;

  fromView(view: { status: Status; clock: ClockView; haltReason?: string | null }): void {
    const wall = Date.parse(view.clock.wallTime);
    this.skew = wall - Date.now();
    this.anchorWall = wall;
    this.anchorScenario = parseSpan(view.clock.scenarioElapsed);
    this.storyStart = Date.parse(view.clock.storyTime) - this.anchorScenario;
    this.speed = view.clock.speed;
    this.status = view.status;
    this.haltReason = view.haltReason ?? null;
    this.started = view.status !== "draft";
  }

  /** Applies one event; returns whether it was a clock or lifecycle event. */
  apply(e: LiveEvent): boolean {
    const next = NEXT_STATUS[e.kind];
    if (next === undefined && e.kind !== "speed-changed" && e.kind !== "clock-jumped") return false;
    this.anchorWall = Date.parse(e.wallTime);
    this.anchorScenario = e.kind === "clock-jumped" && e.payload?.jumpedTo ? parseSpan(e.payload.jumpedTo) : parseSpan(e.scenarioTime);
    if (typeof e.payload?.speed === "number") this.speed = e.payload.speed;
    if (e.kind === "exercise-started") this.started = true;
    if (next) this.status = next === "before-halt" ? (this.started ? "paused" : "draft") : next;
    if (e.kind === "real-world-halt-declared") this.haltReason = e.payload?.reason ?? "";
    if (e.kind === "real-world-halt-lifted") this.haltReason = null;
    return true;
  }

  get running(): boolean {
    return this.status === "running";
  }

  /** Scenario time elapsed, in milliseconds, now. */
  scenarioNow(): number {
    const wall = Date.now() + this.skew;
    return this.running && wall > this.anchorWall ? this.anchorScenario + (wall - this.anchorWall) * this.speed : this.anchorScenario;
  }

  storyNow(): number {
    return this.storyStart + this.scenarioNow();
  }

  serverWallNow(): number {
    return Date.now() + this.skew;
  }
}

const NEXT_STATUS: Record<string, Status | "before-halt"> = {
  "exercise-started": "running",
  "exercise-paused": "paused",
  "exercise-resumed": "running",
  "exercise-ended": "ended",
  "real-world-halt-declared": "halted",
  // A lifted halt leaves the exercise paused (the server never resumes play by itself).
  "real-world-halt-lifted": "before-halt",
};
