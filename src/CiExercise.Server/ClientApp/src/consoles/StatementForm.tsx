import { useState } from "preact/hooks";
import type { ExerciseModel } from "../exercise";
import { t } from "../i18n";
import { useOnce } from "../ui/hooks";
import { Note, Waiting } from "../ui/Waiting";

const STATEMENT = "statement";

/** An organization's press statement: queued like every participant action, it appears in everyone's feed. */
export function StatementForm({ model }: { model: ExerciseModel }) {
  const [headline, setHeadline] = useState("");
  const [body, setBody] = useState("");
  const [note, setNote] = useState<string | null>(null);
  const once = useOnce();
  const publish = (e: Event) => {
    e.preventDefault();
    once(() => model.outbox.enqueue("PublishStatement", [headline.trim(), body.trim()], STATEMENT)
      .then(() => { setNote(null); setHeadline(""); setBody(""); }, err => setNote((err as Error).message)));
  };
  return (
    <form class="panel statement-form" onSubmit={publish} aria-labelledby="statement-h">
      <h2 id="statement-h">{t("news.publish")}</h2>
      <p class="small">{t("news.publishHelp")}</p>
      <label>{t("news.headline")}<input value={headline} maxLength={200} onInput={e => setHeadline((e.target as HTMLInputElement).value)} data-testid="statement-headline" /></label>
      <label>{t("news.body")}<textarea rows={4} value={body} maxLength={4000} onInput={e => setBody((e.target as HTMLTextAreaElement).value)} data-testid="statement-body" /></label>
      <button type="submit" class="primary" disabled={!headline.trim() || !body.trim()} data-testid="statement-publish">{t("news.publishDo")}</button>
      <Waiting model={model} about={STATEMENT} />
      <Note model={model} about={STATEMENT} note={note} />
    </form>
  );
}
