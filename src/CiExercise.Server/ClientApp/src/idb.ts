import type { Principal } from "./model";

export type StoreName = "outbox" | "events" | "state";

const PREFIX = "ciex|";

/**
 * On sign-out: forgets the views and events kept for a reload, so a shared office machine keeps nothing of
 * the exercise. Actions still waiting stay, and go out when the same person signs in again.
 */
export async function forgetKeptState(): Promise<void> {
  try {
    for (const { name } of await indexedDB.databases()) {
      if (!name?.startsWith(PREFIX)) continue;
      const db = await opened(indexedDB.open(name, 1));
      const tx = db.transaction(["events", "state"], "readwrite");
      tx.objectStore("events").clear();
      tx.objectStore("state").clear();
      await committed(tx);
      db.close();
    }
  } catch {
    // A browser without the listing keeps them; they are only ever read by the same person's console.
  }
}

/**
 * What this browser keeps for one exercise and one signed-in person: the actions waiting to be sent
 * ("outbox", in the order taken), the events seen ("events", by seq) and the last views read ("state").
 * One database each, so two people signed in side by side in one browser never send each other's actions.
 */
export class LocalStore {
  private constructor(private readonly db: IDBDatabase) {}

  /** The store of this exercise and person, or null where the browser has no IndexedDB (some private windows). */
  static async open(exerciseId: string, principal: Principal): Promise<LocalStore | null> {
    const who = [principal.kind, principal.organizationId ?? "", principal.role ?? "", principal.name].join("|");
    try {
      return new LocalStore(await opened(indexedDB.open(`${PREFIX}${exerciseId}|${who}`, 1)));
    } catch {
      return null;
    }
  }

  all<T>(store: StoreName): Promise<T[]> {
    return done(this.db.transaction(store).objectStore(store).getAll());
  }

  get<T>(store: StoreName, key: IDBValidKey): Promise<T | undefined> {
    return done(this.db.transaction(store).objectStore(store).get(key));
  }

  /** Writes one value and answers its key (an outbox item's order number is given here). */
  put(store: StoreName, value: unknown, key?: IDBValidKey): Promise<IDBValidKey> {
    return done(this.db.transaction(store, "readwrite").objectStore(store).put(value, key));
  }

  /** Writes many values in one transaction. */
  putAll(store: StoreName, values: unknown[]): Promise<void> {
    const tx = this.db.transaction(store, "readwrite");
    for (const value of values) tx.objectStore(store).put(value);
    return committed(tx);
  }

  delete(store: StoreName, key: IDBValidKey): Promise<void> {
    return done(this.db.transaction(store, "readwrite").objectStore(store).delete(key)).then(() => undefined);
  }

  count(store: StoreName): Promise<number> {
    return done(this.db.transaction(store).objectStore(store).count());
  }
}

function opened(request: IDBOpenDBRequest): Promise<IDBDatabase> {
  request.onupgradeneeded = () => {
    const db = request.result;
    db.createObjectStore("outbox", { keyPath: "n", autoIncrement: true });
    db.createObjectStore("events", { keyPath: "seq" });
    db.createObjectStore("state");
  };
  return done(request);
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error);
  });
}
