import { useState } from "preact/hooks";
import type { Delivery, ExerciseModel } from "../exercise";
import { t } from "../i18n";
import { useOnce } from "../ui/hooks";
import { RecipientPicker, injectTitle } from "../ui/parts";
import { Note, Waiting } from "../ui/Waiting";

/**
 * Passes a recorded report on along the reporting chain: a message forwarding the report's row, so its recipients
 * see the report's fields and the review can trace the report's path. The reporting route is chosen at first.
 */
export function ForwardReport({ model, d, reportSeq, title }: { model: ExerciseModel; d: Delivery; reportSeq: number; title: string }) {
  const about = `forward:${d.injectId}`;
  const route = model.organization(d.orgId)?.reportsTo;
  const [to, setTo] = useState<string[]>(route ? [route] : []);
  const [body, setBody] = useState("");
  const [note, setNote] = useState<string | null>(null);
  const once = useOnce();
  const forward = (e: Event) => {
    e.preventDefault();
    const subject = `${title}: ${injectTitle(model, d.injectId)}`;
    once(() => model.outbox.enqueue("SendMessage", [{ to, subject, body: body.trim() || subject, regardingInjectId: d.injectId, forwardedFromSeq: reportSeq }], about)
      .then(() => { setNote(null); setBody(""); }, err => setNote((err as Error).message)));
  };
  return (
    <form class="forward-report" onSubmit={forward} data-testid="forward-report">
      <fieldset>
        <legend>{t("form.forward")}</legend>
        <RecipientPicker model={model} orgId={d.orgId} to={to} setTo={setTo} testid="forward-recipients" />
      </fieldset>
      <label>{t("form.forwardNote")}<textarea rows={2} value={body} onInput={e => setBody((e.target as HTMLTextAreaElement).value)} /></label>
      <button type="submit" disabled={!to.length} data-testid="forward-send">{t("form.forwardDo")}</button>
      <Waiting model={model} about={about} />
      <Note model={model} about={about} note={note} />
    </form>
  );
}
