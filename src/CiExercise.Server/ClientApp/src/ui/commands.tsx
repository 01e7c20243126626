import { useRef, useState } from "preact/hooks";
import { CommandCancelled, command } from "../api";
import { t } from "../i18n";

interface Waiting { label: string; cancel: () => void }

/**
 * Controller commands over HTTP with their retries shown: each press gets one idempotency key (see
 * command), a press repeated while the same command is unanswered is the same press, and a command
 * waiting for the network is listed with a way to cancel it.
 */
export function useCommands(): [run: <T>(label: string, method: string, path: string, body?: unknown) => Promise<T>, waiting: Waiting[]] {
  const [waiting, setWaiting] = useState<Waiting[]>([]);
  const inFlight = useRef(new Map<string, Promise<unknown>>());
  const run = <T,>(label: string, method: string, path: string, body?: unknown): Promise<T> => {
    const same = `${method} ${path} ${JSON.stringify(body ?? null)}`;
    const running = inFlight.current.get(same);
    if (running) return running as Promise<T>;
    const abort = new AbortController();
    const entry: Waiting = { label, cancel: () => abort.abort() };
    const drop = () => setWaiting(list => list.filter(x => x !== entry));
    const sent = command<T>(method, path, body, abort.signal, () => setWaiting(list => (list.includes(entry) ? list : [...list, entry])))
      .finally(() => { inFlight.current.delete(same); drop(); });
    inFlight.current.set(same, sent);
    return sent;
  };
  return [run, waiting];
}

/** The commands still waiting for the network, each with its Cancel. */
export function CommandsWaiting({ waiting }: { waiting: Waiting[] }) {
  if (!waiting.length) return null;
  return (
    <ul class="outbox" data-testid="commands-waiting">
      {waiting.map((w, i) => (
        <li key={i} class="pill pill-waiting" data-state="waiting">
          {t("command.waiting", w.label)}{" "}
          <button type="button" onClick={w.cancel} data-testid="command-cancel">{t("cancel")}</button>
        </li>
      ))}
    </ul>
  );
}

/** A refusal's message; a cancelled press says nothing more (the person chose it). */
export function failure(error: unknown): string | null {
  return error instanceof CommandCancelled ? null : (error as Error).message;
}
