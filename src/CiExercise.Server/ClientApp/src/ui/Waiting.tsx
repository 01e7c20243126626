import type { ExerciseModel } from "../exercise";
import { dictionary, t } from "../i18n";
import type { OutboxItem } from "../outbox";

/**
 * The actions taken here that the server has not recorded yet: "waiting to send" until its receipt, or
 * its refusal with the server's message until the person dismisses it.
 */
export function Waiting({ model, about }: { model: ExerciseModel; about: string }) {
  const items = model.outbox.waitingAt(about);
  if (!items.length) return null;
  return (
    <ul class="outbox" data-testid="outbox">
      {items.map(item => item.refused ? (
        <li key={item.key} class="error" role="alert" data-state="refused" data-method={item.method} data-code={item.refused.code}>
          <strong>{t("outbox.refused")}</strong> · {label(item)}: {item.refused.message}{" "}
          <button type="button" onClick={() => void model.outbox.dismiss(item)} data-testid="outbox-dismiss">{t("outbox.dismiss")}</button>
        </li>
      ) : (
        <li key={item.key} class="pill pill-waiting" data-state="waiting" data-method={item.method}>
          {t("outbox.waiting")} · {label(item)}{summary(item)}
        </li>
      ))}
    </ul>
  );
}

/** What the last action here came to: the server's receipt, or why it could not even be queued. */
export function Note({ model, about, note }: { model: ExerciseModel; about: string; note: string | null }) {
  const seq = model.outbox.receipts.get(about);
  const text = note ?? (seq !== undefined ? t("recorded", seq) : null);
  return text ? <p class="note" role="status" data-testid="note">{text}</p> : null;
}

function label(item: OutboxItem): string {
  const key = `action.${item.method}`;
  return key in dictionary ? t(key as keyof typeof dictionary) : item.method;
}

/** A few words of what was written, so two waiting decisions can be told apart. */
function summary(item: OutboxItem): string {
  const [first, second, third] = item.args as [any, any, any];
  const text: unknown = item.method === "Decide" ? third ?? second : item.method === "SendMessage" ? first?.subject
    : item.method === "PublishStatement" ? first : first?.text;
  return typeof text === "string" && text ? `: ${text.length > 60 ? `${text.slice(0, 60)}…` : text}` : "";
}
