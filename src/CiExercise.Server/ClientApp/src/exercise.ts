import { get } from "./api";
import { ExerciseClock } from "./clock";
import { LocalStore } from "./idb";
import { LiveFeed } from "./live";
import type { Directory, ExerciseView, Inject, LiveEvent, Objective, Organization } from "./model";
import { Outbox } from "./outbox";
import { clearSession, loadSession } from "./session";
import { parseSpan } from "./time";

/** What one organization has received of one inject and done about it. */
export interface Delivery {
  injectId: string;
  orgId: string;
  seq: number;
  scenarioAt: number;
  respondBy: number | null;
  channel: string;
  ackSeq?: number;
  ackBy?: string;
  decisions: LiveEvent[];
}

/** Events kept in this browser per exercise and person, for a reload without the network; later ones are not kept. */
const KEPT_EVENTS = 20_000;

/**
 * One exercise as a console sees it: the clock, the injects and, computed from the event stream
 * alone, who received, acknowledged and answered what, the messages and the observations. The last
 * views and the events seen are kept in IndexedDB, so that a page reloaded without the network shows
 * the last known state (and the actions waiting in the outbox) until the feed is back.
 */
export class ExerciseModel {
  readonly clock = new ExerciseClock();
  readonly feed: LiveFeed;
  readonly outbox: Outbox;
  /** Every event this console holds, in seq order: those kept from before a reload, then the feed's. */
  readonly events: LiveEvent[] = [];
  private readonly seen = new Set<number>();
  private readonly store: Promise<LocalStore | null>;
  private unsaved: LiveEvent[] = [];
  private writing = false;
  private kept = 0;
  view: ExerciseView | null = null;
  directory: Directory | null = null;
  error: string | null = null;
  readonly injects = new Map<string, Inject>();
  readonly fired = new Set<string>();
  readonly deliveries = new Map<string, Map<string, Delivery>>();
  readonly messages: LiveEvent[] = [];
  readonly observations: LiveEvent[] = [];
  version = 0;
  private readonly listeners = new Set<() => void>();

  constructor(readonly id: string) {
    this.feed = new LiveFeed(id, () => loadSession()?.token ?? "");
    const principal = loadSession()?.principal;
    this.store = principal ? LocalStore.open(id, principal) : Promise.resolve(null);
    this.outbox = new Outbox(this.store, (method, args, key) => this.feed.invoke(method, ...args, key));
    this.outbox.onChange(() => this.changed());
    this.feed.onChange(batch => {
      // The token is dead; a reload should land on the sign-in message, not retry it.
      if (this.feed.connection === "closed") clearSession();
      // Queued actions go out only once the feed has caught up, so they follow what the console has shown.
      this.outbox.setReady(this.feed.connection === "connected");
      // A page that loaded without the network reads the view once the server is back.
      if (this.feed.connection === "connected" && this.started && !this.viewRead) void this.refreshView();
      // The feed passes events in sequence order, each above all before (it holds back live events that
      // overtake a replay), so an acknowledgement never comes before its delivery nor a clock event after a
      // later one; take() drops those already kept from before a reload.
      const fresh = this.take(batch);
      // A delivery brings its inject; only one the console still cannot show makes it read the view again.
      if (fresh.some(e => e.injectId && (e.kind === "inject-delivered" || e.kind === "inject-fired") && !this.injects.has(e.injectId)))
        void this.refreshView();
      this.changed();
    });
  }

  /** Whether a view has been read from the server since this page loaded (not only the kept one). */
  private viewRead = false;
  private started = false;

  async load(): Promise<void> {
    await this.restore();
    void this.loadDirectory();
    const viaHttp = await this.loadView(() => get<ExerciseView>(`/api/exercises/${encodeURIComponent(this.id)}`));
    this.changed();
    await this.feed.start();
    // Whoever may not read the exercise over HTTP asks the hub, which answers what they may see.
    if (!viaHttp && (await this.loadView(() => this.feed.invoke<ExerciseView>("GetExercise")))) this.changed();
    this.started = true;
  }

  private refreshing: Promise<void> | null = null;

  /** Reads the view again, once at a time; a burst of deliveries causes one or two reads, not one each. */
  private refreshView(): Promise<void> {
    this.refreshing ??= this.feed.invoke<ExerciseView>("GetExercise")
      .then(view => {
        this.useView(view);
        this.error = null;
        this.refreshing = null;
        // Deliveries that arrived while the view was read are in the next one.
        const missing = [...this.deliveries.keys()].some(id => !this.injects.has(id));
        if (missing && view.lastSeq < this.feed.lastSeq) void this.refreshView();
      }, () => { this.refreshing = null; })
      .finally(() => this.changed());
    return this.refreshing;
  }

  private async loadView(read: () => Promise<ExerciseView>): Promise<boolean> {
    try {
      const view = await read();
      this.useView(view);
      this.error = null;
      return true;
    } catch (e) {
      this.error = (e as Error).message;
      return false;
    }
  }

  /** Names, sectors, reporting routes, objectives and phases: every member may read them. */
  private async loadDirectory(): Promise<void> {
    try {
      this.directory = await get<Directory>(`/api/exercises/${encodeURIComponent(this.id)}/directory`);
      void this.keep("directory", this.directory);
    } catch (e) {
      this.error ??= (e as Error).message;
    }
    this.changed();
  }

  private useView(view: ExerciseView): void {
    this.viewRead = true;
    void this.keep("view", view);
    this.applyView(view);
  }

  private applyView(view: ExerciseView): void {
    this.view = view;
    this.clock.fromView(view);
    for (const state of view.injects) {
      this.injects.set(state.inject.id, state.inject);
      if (state.status === "fired") this.fired.add(state.inject.id);
    }
  }

  /** The last views and events kept in this browser, shown until the server answers (or while it cannot). */
  private async restore(): Promise<void> {
    const store = await this.store;
    if (!store) return;
    try {
      const [view, directory, events] = await Promise.all([
        store.get<ExerciseView>("state", "view"), store.get<Directory>("state", "directory"), store.all<LiveEvent>("events")]);
      if (view) this.applyView(view);
      if (directory) this.directory ??= directory;
      this.kept = events.length;
      this.take(events, false);
      this.changed();
    } catch {
      // Nothing kept, or a store this browser cannot read: the console starts from the server alone.
    }
  }

  /** Adds the events not held yet, in seq order, and answers them; they are kept in the store unless they came from it. */
  private take(batch: LiveEvent[], save = true): LiveEvent[] {
    const fresh = batch.filter(e => !this.seen.has(e.seq));
    if (!fresh.length) return fresh;
    const last = this.events.length ? this.events[this.events.length - 1].seq : 0;
    fresh.forEach(e => this.seen.add(e.seq));
    this.events.push(...fresh);
    if (fresh.some(e => e.seq < last)) this.events.sort((a, b) => a.seq - b.seq);
    fresh.forEach(e => this.apply(e));
    if (save) this.save(fresh);
    return fresh;
  }

  /** Writes new events at once; those that arrive while a write is under way go in the next one, so a burst is a few transactions. */
  private save(fresh: LiveEvent[]): void {
    const room = KEPT_EVENTS - this.kept - this.unsaved.length;
    if (room <= 0) return;
    this.unsaved.push(...fresh.slice(0, room));
    if (!this.writing) void this.write();
  }

  private async write(): Promise<void> {
    this.writing = true;
    const store = await this.store;
    while (this.unsaved.length) {
      const batch = this.unsaved;
      this.unsaved = [];
      this.kept += batch.length;
      await store?.putAll("events", batch).catch(() => undefined);
    }
    this.writing = false;
  }

  private async keep(key: string, value: unknown): Promise<void> {
    await (await this.store)?.put("state", value, key).catch(() => undefined);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.feed.stop();
  }

  get organizations(): Organization[] {
    return this.directory?.organizations ?? [];
  }

  get objectives(): Objective[] {
    return this.directory?.objectives ?? [];
  }

  organization(id: string): Organization | undefined {
    return this.directory?.organizations.find(o => o.id === id);
  }

  delivery(injectId: string, orgId: string): Delivery | undefined {
    return this.deliveries.get(injectId)?.get(orgId);
  }

  /** Deliveries to one organization, newest first. */
  inboxOf(orgId: string): Delivery[] {
    const items: Delivery[] = [];
    for (const byOrg of this.deliveries.values()) {
      const d = byOrg.get(orgId);
      if (d) items.push(d);
    }
    return items.sort((a, b) => b.seq - a.seq);
  }

  /** Delivered, a response window that has closed, and no decision yet. */
  overdue(d: Delivery): boolean {
    return d.respondBy !== null && d.decisions.length === 0 && this.clock.scenarioNow() > d.respondBy;
  }

  private apply(e: LiveEvent): void {
    this.clock.apply(e);
    const p = e.payload ?? {};
    switch (e.kind) {
      case "ad-hoc-inject-added":
        if (p.inject) this.injects.set(p.inject.id, p.inject);
        break;
      case "inject-fired":
        if (e.injectId) this.fired.add(e.injectId);
        break;
      case "inject-delivered": {
        if (!e.injectId || !e.organizationId) break;
        const byOrg = this.deliveries.get(e.injectId) ?? new Map<string, Delivery>();
        this.deliveries.set(e.injectId, byOrg);
        // Staff already hold the whole inject (with its answer key) from the view; keep that one.
        if (e.inject && !this.injects.has(e.injectId)) this.injects.set(e.injectId, e.inject);
        byOrg.set(e.organizationId, {
          injectId: e.injectId, orgId: e.organizationId, seq: e.seq, scenarioAt: parseSpan(e.scenarioTime),
          respondBy: p.respondBy ? parseSpan(p.respondBy) : null, channel: p.channel ?? "", decisions: [],
        });
        this.fired.add(e.injectId);
        break;
      }
      case "inject-acknowledged": {
        const d = e.injectId && e.organizationId ? this.delivery(e.injectId, e.organizationId) : undefined;
        if (d && d.ackSeq === undefined) { d.ackSeq = e.seq; d.ackBy = e.actorId; }
        break;
      }
      case "decision-recorded": {
        const d = e.injectId && e.organizationId ? this.delivery(e.injectId, e.organizationId) : undefined;
        if (d) d.decisions.push(e);
        break;
      }
      case "message-sent":
      case "message-received":
        this.messages.push(e);
        break;
      case "observation-recorded":
        this.observations.push(e);
        break;
    }
  }

  private changed(): void {
    this.version++;
    this.listeners.forEach(l => l());
  }
}
