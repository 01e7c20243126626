import * as signalR from "@microsoft/signalr";
import type { Connection, LiveEvent } from "./model";

// The hub's event kinds in declaration order, for a hub that sends enums as numbers.
const KINDS = [
  "exercise-created", "exercise-started", "exercise-paused", "exercise-resumed", "speed-changed", "clock-jumped",
  "exercise-ended", "real-world-halt-declared", "real-world-halt-lifted", "inject-fired", "ad-hoc-inject-added",
  "observation-recorded", "inject-delivered", "inject-acknowledged", "decision-recorded", "message-sent", "message-received",
];

export function kindOf(kind: unknown): string {
  if (typeof kind === "number") return KINDS[kind] ?? String(kind);
  return String(kind).replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}

/**
 * One exercise's event stream for one console: subscribes through the hub, keeps the highest sequence
 * number seen, drops what it has already seen, and on every reconnect subscribes again from there.
 */
export class LiveFeed {
  readonly events: LiveEvent[] = [];
  lastSeq = 0;
  private readonly seen = new Set<number>();
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
    this.hub.on("Event", (e: LiveEvent) => this.ingest([e]));
    this.hub.on("CaughtUp", () => this.setConnection("connected"));
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
    try {
      await this.hub.invoke<number>("Subscribe", this.exerciseId, this.lastSeq);
      this.setConnection("connected");
    } catch {
      this.setConnection("reconnecting");
    }
  }

  private ingest(batch: LiveEvent[]): void {
    const fresh: LiveEvent[] = [];
    let inOrder = true;
    for (const raw of batch) {
      if (this.seen.has(raw.seq)) continue;
      this.seen.add(raw.seq);
      inOrder &&= raw.seq > this.lastSeq;
      this.lastSeq = Math.max(this.lastSeq, raw.seq);
      fresh.push({ ...raw, kind: kindOf(raw.kind) });
    }
    if (!fresh.length) return;
    this.events.push(...fresh);
    // The hub sends in order; a stray late one is put back in its place rather than shown out of turn.
    if (!inOrder) this.events.sort((a, b) => a.seq - b.seq);
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
