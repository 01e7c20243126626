import { t } from "./i18n";
import type { LocalStore } from "./idb";
import { newKey } from "./keys";
import type { ActionReceipt } from "./model";

/** At most this many actions wait in one browser for one exercise; past it a new action is refused at once. */
export const OUTBOX_LIMIT = 500;

/** After this many server faults without a code in a row, the action is shown as refused rather than tried again. */
const SERVER_FAULT_TRIES = 3;

/** One action taken in this console and not yet answered by the server. */
export interface OutboxItem {
  /** Its place in the queue, given by IndexedDB: actions go out in the order they were taken. */
  n?: number;
  /** The idempotency key, made once when the action was taken and sent unchanged on every resend. */
  key: string;
  /** The hub method and its arguments between the exercise id and the key. */
  method: string;
  args: unknown[];
  /** Where it was taken ("inject:i1", "share", "observation", "check:c1"), so it is shown there. */
  about: string;
  takenAt: number;
  /** The server's refusal: kept, and shown, until the person dismisses it. */
  refused?: { code: string; message: string };
}

/** A hub call's outcome as the queue needs it: answered, refused for good, or worth trying again later. */
type Failure =
  | { kind: "refused"; code: string; message: string }
  | { kind: "fault"; message: string }
  | { kind: "later"; delayMs: number }
  | { kind: "transport" };

/**
 * Participant and evaluator actions, kept in IndexedDB until the server's receipt: taken offline, while the
 * server is down or while the page reloads, they wait, and go out one at a time in order once the live
 * feed has caught up. A resend carries the same key, and the server answers it with the first receipt, so
 * an action whose answer was lost on the way is recorded once. A refusal is kept until dismissed and the
 * queue goes on; a transport failure leaves the action first in line for the next connection.
 */
export class Outbox {
  items: OutboxItem[] = [];
  /** The last receipt per place, for the "Recorded (#seq)" note where the action was taken. */
  readonly receipts = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  private readonly taking = new Set<string>();
  private pumping = false;
  private faults = 0;
  private ready = false;
  private readonly loaded: Promise<void>;

  constructor(
    private readonly store: Promise<LocalStore | null>,
    private readonly send: (method: string, args: unknown[], key: string) => Promise<ActionReceipt>,
  ) {
    this.loaded = store.then(s => s?.all<OutboxItem>("outbox")).then(saved => {
      this.items = saved ?? [];
      this.changed();
    }, () => undefined);
  }

  /**
   * Queues an action and sends it as soon as the connection allows. Throws when the queue is full. A
   * unique action (an acknowledgement) is taken once per place: a second press while the first still
   * waits, however fast, is not a second action.
   */
  async enqueue(method: string, args: unknown[], about: string, unique = false): Promise<void> {
    const slot = `${method}|${about}`;
    if (unique && (this.taking.has(slot) || this.pending(method, about))) return;
    this.taking.add(slot);
    try {
      await this.loaded;
      if (this.items.length >= OUTBOX_LIMIT) throw new OutboxFullError();
      const item: OutboxItem = { key: newKey(), method, args, about, takenAt: Date.now() };
      // Saved before it can be sent, so that its receipt can remove it from the store again.
      await this.save(item);
      this.items.push(item);
      this.changed();
    } finally {
      this.taking.delete(slot);
    }
    void this.pump();
  }

  /** Whether an action of this kind at this place still waits (a refused one does not count). */
  pending(method: string, about: string): boolean {
    return this.items.some(i => i.method === method && i.about === about && !i.refused);
  }

  /** Called when the feed has caught up (and on every change of the connection): sends while it stays so. */
  setReady(ready: boolean): void {
    this.ready = ready;
    if (ready) void this.pump();
  }

  waitingAt(about: string): OutboxItem[] {
    return this.items.filter(i => i.about === about);
  }

  /** Forgets a refused action once the person has read why. */
  async dismiss(item: OutboxItem): Promise<void> {
    this.items = this.items.filter(i => i !== item);
    this.changed();
    if (item.n !== undefined) await (await this.store)?.delete("outbox", item.n).catch(() => undefined);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      await this.loaded;
      for (let item = this.next(); item && this.ready; item = this.next()) {
        const outcome = await this.attempt(item);
        if (outcome === "stop") break;
      }
    } finally {
      this.pumping = false;
    }
  }

  private next(): OutboxItem | undefined {
    return this.items.find(i => !i.refused);
  }

  private async attempt(item: OutboxItem): Promise<"next" | "stop"> {
    let receipt: ActionReceipt;
    try {
      receipt = await this.send(item.method, item.args, item.key);
    } catch (e) {
      const failure = classify(e);
      if (failure.kind === "transport") return "stop";
      if (failure.kind === "later") {
        // Over the connection's call rate (a long queue flushed at once): the same action again once it refills.
        setTimeout(() => void this.pump(), failure.delayMs);
        return "stop";
      }
      if (failure.kind === "fault" && ++this.faults < SERVER_FAULT_TRIES) {
        // The server itself failed (a silo restarting, a database away): the same key again a little later.
        setTimeout(() => void this.pump(), 1000 * this.faults);
        return "stop";
      }
      this.faults = 0;
      item.refused = failure.kind === "refused" ? { code: failure.code, message: failure.message } : { code: "server.error", message: failure.message };
      await this.save(item);
      this.changed();
      return "next";
    }
    this.faults = 0;
    this.receipts.set(item.about, receipt.seq);
    this.items = this.items.filter(i => i !== item);
    this.changed();
    if (item.n !== undefined) await (await this.store)?.delete("outbox", item.n).catch(() => undefined);
    return "next";
  }

  /** Writes the item (a new one gets its order number); without IndexedDB the queue lives as long as the page. */
  private async save(item: OutboxItem): Promise<void> {
    const store = await this.store;
    if (!store) return;
    try {
      item.n = (await store.put("outbox", item)) as number;
    } catch {
      // A full disk or a closed database: the action still waits in this page and is sent from here.
    }
  }

  private changed(): void {
    this.listeners.forEach(l => l());
  }
}

export class OutboxFullError extends Error {
  constructor() {
    super(t("outbox.full", OUTBOX_LIMIT));
  }
}

/**
 * A refusal crosses the hub as "…HubException: code: message" (HubErrors on the server); a fault of the
 * server is "An unexpected error occurred invoking 'X' on the server." without one; anything else means
 * the call never got an answer (no connection, or it closed on the way).
 */
export function classify(error: unknown): Failure {
  const text = error instanceof Error ? error.message : String(error);
  const marker = text.indexOf("HubException: ");
  if (marker >= 0) {
    const body = text.slice(marker + "HubException: ".length);
    const colon = body.indexOf(": ");
    const code = colon > 0 && !body.slice(0, colon).includes(" ") ? body.slice(0, colon) : "";
    // A limit ("limit.hub-calls: ... Try again in 6 s.") is not a refusal of the action: it waits its turn.
    if (code.startsWith("limit.")) return { kind: "later", delayMs: 1000 * Number(/again in (\d+) s/.exec(body)?.[1] ?? 5) };
    return { kind: "refused", code, message: code ? body.slice(colon + 2) : body };
  }
  if (/occurred invoking '[^']*' on the server/.test(text)) return { kind: "fault", message: text };
  return { kind: "transport" };
}
