import * as signalR from "@microsoft/signalr";
import type { Connection, LiveEvent } from "./model";

// The hub's event kinds in declaration order, for a hub that sends enums as numbers.
const KINDS = [
  "exercise-created", "exercise-started", "exercise-paused", "exercise-resumed", "speed-changed", "clock-jumped",
  "exercise-ended", "real-world-halt-declared", "real-world-halt-lifted", "inject-fired", "ad-hoc-inject-added",
  "observation-recorded", "inject-delivered", "inject-acknowledged", "decision-recorded", "message-sent", "message-received",
  "communication-check-started", "communication-check-closed", "communication-check-received", "communication-check-acknowledged",
  "communication-check-passed-on", "task-rated", "participant-joined", "hot-wash-submitted", "inject-released", "inject-cancelled",
  "service-changed", "feed-posted", "report-submitted",
];

export function kindOf(kind: unknown): string {
  if (typeof kind === "number") return KINDS[kind] ?? String(kind);
  return String(kind).replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}

/**
 * One exercise's event stream for one console: subscribes through the hub, shows each event the caller may
 * see once, in sequence order, and on every reconnect subscribes again after the last one it has shown.
 *
 * During a replay live events overtake replayed ones (the hub joins the live groups before it reads the
 * log), and a participant's sequence numbers have gaps (it sees only its organization's rows), so a seq
 * proves nothing about the ones below it. What proves them is the hub: `Replayed(through)` after each page
 * and `CaughtUp(last)` at the end say that every event up to there has been sent. Until then events wait in
 * `pending`; once covered they are shown in order and `lastSeq` moves. After CaughtUp events arrive live and
 * in order, so each one shown moves `lastSeq` itself. Anything at or below `lastSeq` is a repeat.
 */
export class LiveFeed {
  readonly events: LiveEvent[] = [];
  /** Every event the caller may see up to here is in `events`, and none above it: subscribe again after it. */
  lastSeq = 0;
  /** Received during a replay, above `lastSeq`, not yet covered by Replayed or CaughtUp; by seq, so repeats fold. */
  private readonly pending = new Map<number, LiveEvent>();
  private replaying = false;
  connection: Connection = "connecting";
  /** Why the server closed the connection for good ("token-revoked", "token-expired"), once it has. */
  closedReason: string | null = null;
  private readonly hub: signalR.HubConnection;
  private readonly listeners = new Set<(fresh: LiveEvent[]) => void>();
  private stopped = false;

  constructor(readonly exerciseId: string, token: () => string) {
    this.hub = new signalR.HubConnectionBuilder()
      .withUrl("/hubs/exercise", { accessTokenFactory: token })
      // Never give up: a participant's office network may be away for minutes.
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: c => Math.min(500 * 2 ** c.previousRetryCount, 5000) })
      .withStatefulReconnect()
      .configureLogging(signalR.LogLevel.Warning)
      .build();
    this.hub.on("Event", (e: LiveEvent) => this.receive(e));
    this.hub.on("Replayed", (exerciseId: string, through: number) => this.covered(exerciseId, through, false));
    this.hub.on("CaughtUp", (exerciseId: string, last: number) => this.covered(exerciseId, last, true));
    // The sign-in is over: reconnecting would only be refused, so stop and say why.
    this.hub.on("Closing", (reason: string) => {
      this.closedReason = reason;
      this.stop();
      this.setConnection("closed");
    });
    this.hub.onreconnecting(() => this.setConnection("reconnecting"));
    this.hub.onreconnected(() => void this.subscribe());
    this.hub.onclose(() => this.restartLater());
    // The browser knows before the socket does that the network is gone; say so at once, and pick
    // up from the last sequence number the moment it is back.
    addEventListener("offline", this.onOffline);
    addEventListener("online", this.onOnline);
  }

  /** fresh is in sequence order, every one above all events passed before. */
  onChange(listener: (fresh: LiveEvent[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async start(): Promise<void> {
    try {
      await this.hub.start();
      await this.subscribe();
    } catch {
      this.restartLater();
    }
  }

  /** Another push from the server beside the event stream (staff get "Presence"); returns the way to stop listening. */
  onPush<T>(method: string, handler: (value: T) => void): () => void {
    this.hub.on(method, handler);
    return () => this.hub.off(method, handler);
  }

  invoke<T>(method: string, ...args: unknown[]): Promise<T> {
    return this.hub.invoke<T>(method, this.exerciseId, ...args);
  }

  stop(): void {
    this.stopped = true;
    removeEventListener("offline", this.onOffline);
    removeEventListener("online", this.onOnline);
    void this.hub.stop();
  }

  private async subscribe(): Promise<void> {
    this.setConnection("catching-up");
    // A new connection replays everything after lastSeq: what an earlier one left pending comes again.
    this.pending.clear();
    this.replaying = true;
    try {
      await this.hub.invoke<number>("Subscribe", this.exerciseId, this.lastSeq);
      this.setConnection("connected");
    } catch {
      this.setConnection("reconnecting");
    }
  }

  private receive(raw: LiveEvent): void {
    if (raw.seq <= this.lastSeq) return;
    const e = { ...raw, kind: kindOf(raw.kind) };
    if (this.replaying) this.pending.set(e.seq, e);
    else this.show([e]);
  }

  /** The hub has sent every event up to through; after CaughtUp, also every one pending (live ones above it). */
  private covered(exerciseId: string, through: number, caughtUp: boolean): void {
    if (exerciseId !== this.exerciseId || !this.replaying) return;
    const ready = [...this.pending.values()].filter(e => caughtUp || e.seq <= through).sort((a, b) => a.seq - b.seq);
    ready.forEach(e => this.pending.delete(e.seq));
    if (caughtUp) this.replaying = false;
    this.show(ready);
    this.lastSeq = Math.max(this.lastSeq, through);
    if (caughtUp) this.setConnection("connected");
  }

  private show(ready: LiveEvent[]): void {
    const fresh = ready.filter(e => e.seq > this.lastSeq);
    if (!fresh.length) return;
    this.lastSeq = fresh[fresh.length - 1].seq;
    this.events.push(...fresh);
    this.emit(fresh);
  }

  private setConnection(state: Connection): void {
    if (this.connection === state) return;
    this.connection = state;
    this.emit([]);
  }

  private emit(fresh: LiveEvent[]): void {
    for (const listener of this.listeners) listener(fresh);
  }

  private restartLater(): void {
    if (this.stopped) return;
    this.setConnection("reconnecting");
    setTimeout(() => {
      if (this.stopped || this.hub.state !== signalR.HubConnectionState.Disconnected) return;
      if (navigator.onLine) void this.start();
    }, 2000);
  }

  private readonly onOffline = () => {
    this.setConnection("reconnecting");
    void this.hub.stop();
  };

  private readonly onOnline = () => {
    if (this.hub.state === signalR.HubConnectionState.Disconnected) void this.start();
  };
}
