import { get } from "./api";
import { ExerciseClock } from "./clock";
import { LocalStore } from "./idb";
import { LiveFeed } from "./live";
import type { Directory, ExerciseView, Inject, InjectState, LiveEvent, Objective, Organization } from "./model";
import { Outbox } from "./outbox";
import { clearSession, loadSession } from "./session";
import { ServiceState } from "./services";
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
  /** Report forms answered (report-submitted), oldest first; the last one is the report in force. */
  reports: LiveEvent[];
}

/** A decision or a report answers an inject. */
export function answered(d: Delivery): boolean {
  return d.decisions.length > 0 || d.reports.length > 0;
}

/** Channels whose injects appear in the news and social feed. */
export const FEED_CHANNELS = new Set(["news", "social-media"]);

/** The kinds whose rows can move a held inject's condition (or release or cancel it). */
const MOVES_CONDITIONS = new Set([
  "inject-delivered", "inject-acknowledged", "decision-recorded", "message-received", "service-changed", "feed-posted",
  "report-submitted", "inject-released", "inject-cancelled", "inject-fired", "clock-jumped",
]);

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
  /** Each inject's state as the last view had it (staff: every inject, with its hold). */
  views = new Map<string, InjectState>();
  readonly fired = new Set<string>();
  readonly deliveries = new Map<string, Map<string, Delivery>>();
  readonly messages: LiveEvent[] = [];
  readonly observations: LiveEvent[] = [];
  /** The feed's items in seq order: news and social-media injects delivered here (staff: fired) and live posts. */
  readonly feedItems: LiveEvent[] = [];
  /** Released or cancelled by their conditions or a controller (inject-released / inject-cancelled), by inject. */
  readonly releases = new Map<string, LiveEvent>();
  readonly cancels = new Map<string, LiveEvent>();
  readonly services: ServiceState;
  version = 0;
  private readonly listeners = new Set<() => void>();

  constructor(readonly id: string) {
    this.feed = new LiveFeed(id, () => loadSession()?.token ?? "");
    const principal = loadSession()?.principal;
    this.store = principal ? LocalStore.open(id, principal) : Promise.resolve(null);
    this.outbox = new Outbox(this.store, (method, args, key) => this.feed.invoke(method, ...args, key));
    this.outbox.onChange(() => this.changed());
    this.services = new ServiceState(id, () => this.changed());
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
      // A held inject's progress lives in the view (staff only): events that may move a condition read it again.
      else if (this.waiting() && fresh.some(e => MOVES_CONDITIONS.has(e.kind))) this.refreshHolds();
      this.services.catchUp(fresh);
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
  private holdsStale = false;

  /** Whether the view lists a conditional inject that has not fired or been cancelled yet. */
  private waiting(): boolean {
    return !!this.view?.injects.some(s => s.status === "held" || s.status === "released");
  }

  /** Reads the view again for the holds' progress: at most one read in flight and one more after it. */
  private refreshHolds(): void {
    if (this.refreshing) { this.holdsStale = true; return; }
    void this.refreshView().then(() => {
      if (this.holdsStale) { this.holdsStale = false; this.refreshHolds(); }
    });
  }

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
    this.views = new Map(view.injects.map(s => [s.inject.id, s]));
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

  /** Delivered, a response window that has closed, and no decision or report yet. */
  overdue(d: Delivery): boolean {
    return d.respondBy !== null && !answered(d) && this.clock.scenarioNow() > d.respondBy;
  }

  /**
   * Where an inject of the MSEL stands: fired, cancelled or released as the events say (they come before the next
   * view), else as the last view had it (held, pending).
   */
  injectStatus(injectId: string): InjectState["status"] {
    if (this.fired.has(injectId)) return "fired";
    if (this.cancels.has(injectId)) return "cancelled";
    if (this.releases.has(injectId)) return "released";
    return this.views.get(injectId)?.status ?? "pending";
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
        // Staff see every firing (participants their own deliveries): one feed item per news or social inject.
        if (e.injectId && FEED_CHANNELS.has(this.injects.get(e.injectId)?.channel ?? "")) this.toFeed(e);
        break;
      case "feed-posted":
        this.feedItems.push(e);
        break;
      case "inject-released":
        if (e.injectId) this.releases.set(e.injectId, e);
        break;
      case "inject-cancelled":
        if (e.injectId) this.cancels.set(e.injectId, e);
        break;
      case "report-submitted": {
        const d = e.injectId && e.organizationId ? this.delivery(e.injectId, e.organizationId) : undefined;
        if (d) d.reports.push(e);
        break;
      }
      case "inject-delivered": {
        if (!e.injectId || !e.organizationId) break;
        const byOrg = this.deliveries.get(e.injectId) ?? new Map<string, Delivery>();
        this.deliveries.set(e.injectId, byOrg);
        // Staff already hold the whole inject (with its answer key) from the view; keep that one.
        if (e.inject && !this.injects.has(e.injectId)) this.injects.set(e.injectId, e.inject);
        byOrg.set(e.organizationId, {
          injectId: e.injectId, orgId: e.organizationId, seq: e.seq, scenarioAt: parseSpan(e.scenarioTime),
          respondBy: p.respondBy ? parseSpan(p.respondBy) : null, channel: p.channel ?? "", decisions: [], reports: [],
        });
        this.fired.add(e.injectId);
        if (FEED_CHANNELS.has(p.channel ?? e.inject?.channel ?? "")) this.toFeed(e);
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

  /** One item per inject: staff get its firing and then a delivery per recipient. */
  private toFeed(e: LiveEvent): void {
    if (e.injectId && this.feedInjects.has(e.injectId)) return;
    if (e.injectId) this.feedInjects.add(e.injectId);
    this.feedItems.push(e);
  }

  private readonly feedInjects = new Set<string>();

  private changed(): void {
    this.version++;
    this.listeners.forEach(l => l());
  }
}
