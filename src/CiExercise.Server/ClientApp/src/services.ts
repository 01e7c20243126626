import { get } from "./api";
import type { LiveEvent, ServiceBoard, ServiceView } from "./model";

/**
 * The exercise's services as this console may see them (a participant: its own and those they depend on): read
 * once from the server, then moved by each service-changed event above the board's seq, so a cascade shows the
 * moment it is recorded. Times that only the server works out (when a restoring service is back, when a dependent
 * follows its dependency down) are read again after a change, one read at a time.
 */
export class ServiceState {
  readonly byId = new Map<string, ServiceView>();
  loaded = false;
  error: string | null = null;
  private asOfSeq = 0;
  /** Every change this console has seen: those above a board's seq still apply to it. */
  private readonly changes: LiveEvent[] = [];
  private reading: Promise<void> | null = null;
  private stale = false;
  private wanted = false;

  constructor(private readonly exerciseId: string, private readonly changed: () => void) {}

  get list(): ServiceView[] {
    return [...this.byId.values()];
  }

  /** Asked for by the panels that show services; the first call reads the board. */
  want(): void {
    if (this.wanted) return;
    this.wanted = true;
    void this.read();
  }

  /** A batch of fresh events: service changes move the board, and the server's times are read again. */
  catchUp(fresh: LiveEvent[]): void {
    const changes = fresh.filter(e => e.kind === "service-changed");
    if (!changes.length) return;
    this.changes.push(...changes);
    changes.forEach(e => this.apply(e));
    void this.read();
  }

  private apply(e: LiveEvent): void {
    if (!this.loaded || e.seq <= this.asOfSeq) return;
    const p = e.payload ?? {};
    const view = this.byId.get(p.serviceId);
    if (!view) return;
    this.byId.set(p.serviceId, {
      ...view, status: p.to, since: e.scenarioTime, cause: p.cause, causeServiceId: p.causeServiceId ?? null,
      changedSeq: e.seq, upAt: null, failsAt: null,
    });
  }

  /** One read at a time; a change while one is under way makes one more after it. */
  private read(): Promise<void> {
    if (!this.wanted) return Promise.resolve();
    if (this.reading) { this.stale = true; return this.reading; }
    this.reading = get<ServiceBoard>(`/api/exercises/${encodeURIComponent(this.exerciseId)}/services`)
      .then(board => this.use(board), e => { this.error = (e as Error).message; })
      .finally(() => {
        this.reading = null;
        this.changed();
        if (this.stale) { this.stale = false; void this.read(); }
      });
    return this.reading;
  }

  private use(board: ServiceBoard): void {
    // An older board than the changes already shown (a read overtaken by events) would move them back.
    if (this.loaded && board.asOfSeq < this.asOfSeq) return;
    this.byId.clear();
    board.services.forEach(s => this.byId.set(s.service.id, s));
    this.asOfSeq = board.asOfSeq;
    this.loaded = true;
    this.error = null;
    this.changes.forEach(e => this.apply(e));
  }
}
