import { useState } from "preact/hooks";
import type { ExerciseModel } from "../exercise";
import { loc, t } from "../i18n";
import type { LiveEvent } from "../model";
import { parseSpan, spanText } from "../time";
import { AnswerList, reportOf } from "../ui/answers";
import { CommandsWaiting, failure, useCommands } from "../ui/commands";
import { RecipientPicker, injectTitle, orgName } from "../ui/parts";
import { VirtualList } from "../ui/VirtualList";

/** What reached an organization the control cell plays: an inject delivered to it, or a message it received. */
const INBOX_KINDS = new Set(["inject-delivered", "message-received"]);

interface Draft { as: string; to: string[]; subject: string; body: string; regarding: string | null; forwardedFromSeq: number | null }

const EMPTY: Draft = { as: "", to: [], subject: "", body: "", regarding: null, forwardedFromSeq: null };

/**
 * The control cell's inbox of the organizations it plays (a ministry, the national centre, a vendor): everything
 * delivered or sent to them, newest first, and a way to reply, forward or write as any of them. What is sent
 * goes along the same routes as a participant's message and is recorded with the controller and the organization.
 */
export function SimulatedInbox({ model }: { model: ExerciseModel }) {
  const played = new Set(model.organizations.filter(o => o.simulated).map(o => o.id));
  const [org, setOrg] = useState("");
  const [open, setOpen] = useState<LiveEvent | null>(null);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  if (!played.size) return null;
  const report = open ? reportOf(model, open.payload) : null;
  const items = model.events.filter(e => INBOX_KINDS.has(e.kind) && e.organizationId && played.has(e.organizationId) && (!org || e.organizationId === org)).reverse();
  // A message may be about an inject only when its sender received that inject (the server refuses the rest).
  const about = (e: LiveEvent) => {
    const injectId = e.payload?.regardingInjectId ?? e.injectId;
    return injectId && model.delivery(injectId, e.organizationId!) ? injectId : null;
  };
  const reply = (e: LiveEvent) => setDraft({ ...EMPTY, as: e.organizationId!, to: [e.payload.from], subject: `Re: ${e.payload.subject}`, regarding: about(e) });
  const forward = (e: LiveEvent) => setDraft({
    ...EMPTY, as: e.organizationId!, subject: `Fw: ${subjectOf(model, e)}`, body: bodyOf(model, e), regarding: about(e), forwardedFromSeq: e.seq,
  });
  return (
    <section class="panel simulated" aria-labelledby="simulated-h" data-testid="simulated-inbox">
      <h2 id="simulated-h">{t("sim.inbox")}</h2>
      <label>{t("organization")} <select value={org} onChange={e => setOrg((e.target as HTMLSelectElement).value)} data-testid="sim-org">
        <option value="">{t("all")}</option>
        {[...played].map(o => <option key={o} value={o}>{orgName(model, o)}</option>)}
      </select></label>
      {items.length === 0 ? <p class="empty">{t("sim.empty")}</p> : null}
      <VirtualList items={items} rowHeight={30} height={240} testid="sim-items" row={e => (
        <button type="button" class={`link sim-item${open?.seq === e.seq ? " selected" : ""}`} data-seq={e.seq} data-kind={e.kind} onClick={() => setOpen(e)}>
          <span class="small">{spanText(parseSpan(e.scenarioTime))}</span> <strong>{orgName(model, e.organizationId)}</strong> ← {fromOf(model, e)}: {subjectOf(model, e)}
        </button>
      )} />
      {open ? (
        <article class="sim-detail" data-testid="sim-detail" data-seq={open.seq}>
          <h3>{subjectOf(model, open)}</h3>
          <p class="small">{t("to")}: {orgName(model, open.organizationId)} · {t("from")}: {fromOf(model, open)} · {spanText(parseSpan(open.scenarioTime))}</p>
          <p class="body">{bodyOf(model, open)}</p>
          {report ? <AnswerList form={report.form} answers={report.answers} testid="sim-report" /> : null}
          <div class="buttons">
            {open.kind === "message-received" ? <button type="button" onClick={() => reply(open)} data-testid="sim-reply">{t("sim.reply")}</button> : null}
            <button type="button" onClick={() => forward(open)} data-testid="sim-forward">{t("sim.forward")}</button>
          </div>
        </article>
      ) : null}
      <Compose model={model} played={[...played]} draft={draft} setDraft={setDraft} />
    </section>
  );
}

function subjectOf(model: ExerciseModel, e: LiveEvent): string {
  return e.kind === "message-received" ? e.payload?.subject ?? "" : injectTitle(model, e.injectId);
}

function bodyOf(model: ExerciseModel, e: LiveEvent): string {
  return e.kind === "message-received" ? e.payload?.body ?? "" : loc(model.injects.get(e.injectId ?? "")?.body);
}

function fromOf(model: ExerciseModel, e: LiveEvent): string {
  return e.kind === "message-received" ? orgName(model, e.payload?.from) : loc(model.injects.get(e.injectId ?? "")?.from) || t("controlCell");
}

/** Writes as a played organization: a reply or forward starts from the message, a new one from nothing. */
function Compose({ model, played, draft, setDraft }: { model: ExerciseModel; played: string[]; draft: Draft; setDraft: (d: Draft) => void }) {
  const [note, setNote] = useState<string | null>(null);
  const [run, waiting] = useCommands();
  const patch = (p: Partial<Draft>) => setDraft({ ...draft, ...p });
  const send = (e: Event) => {
    e.preventDefault();
    run(t("sim.send"), "POST", `/api/exercises/${encodeURIComponent(model.id)}/organizations/${encodeURIComponent(draft.as)}/messages`, {
      to: draft.to, subject: draft.subject.trim(), body: draft.body.trim(), regardingInjectId: draft.regarding, forwardedFromSeq: draft.forwardedFromSeq,
    }).then(() => { setNote("✓"); setDraft({ ...EMPTY, as: draft.as }); }, err => setNote(failure(err)));
  };
  return (
    <form class="sim-compose" onSubmit={send} data-testid="sim-compose">
      <h3>{draft.forwardedFromSeq ? t("sim.forward") : draft.subject.startsWith("Re: ") ? t("sim.reply") : t("sim.sendAs")}</h3>
      <label>{t("sim.as")} <select value={draft.as} onChange={e => patch({ as: (e.target as HTMLSelectElement).value, to: [] })} data-testid="sim-as">
        <option value="">—</option>
        {played.map(o => <option key={o} value={o}>{orgName(model, o)}</option>)}
      </select></label>
      {draft.as ? (
        <fieldset>
          <legend>{t("recipients")}</legend>
          <RecipientPicker model={model} orgId={draft.as} to={draft.to} setTo={to => patch({ to })} testid="sim-recipients" />
        </fieldset>
      ) : null}
      <label>{t("subject")} <input value={draft.subject} maxLength={200} onInput={e => patch({ subject: (e.target as HTMLInputElement).value })} data-testid="sim-subject" /></label>
      <label>{t("body")} <textarea rows={3} value={draft.body} onInput={e => patch({ body: (e.target as HTMLTextAreaElement).value })} data-testid="sim-body" /></label>
      {draft.regarding ? <p class="small">{t("regarding")}: {injectTitle(model, draft.regarding)}</p> : null}
      <button type="submit" class="primary" disabled={!draft.as || !draft.to.length || !draft.subject.trim() || !draft.body.trim()} data-testid="sim-send">{t("sim.send")}</button>
      <CommandsWaiting waiting={waiting} />
      {note ? <p class="note" role="status" data-testid="sim-result">{note}</p> : null}
    </form>
  );
}
