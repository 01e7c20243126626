import { useRef, useState } from "preact/hooks";
import type { Delivery, ExerciseModel } from "../exercise";
import { loc, t } from "../i18n";
import type { Principal } from "../model";
import { parseSpan, spanText } from "../time";
import { useExercise, useOnce, useShortcuts } from "../ui/hooks";
import { AnswerList, reportOf } from "../ui/answers";
import { NewsFeed } from "../ui/NewsFeed";
import { EventRow, RecipientPicker, TimeLeft, deliveryState, injectTitle, orgName } from "../ui/parts";
import { Shell } from "../ui/Shell";
import { Note, Waiting } from "../ui/Waiting";
import { CheckInbox } from "./CheckInbox";
import { HotWashForm } from "./HotWashForm";
import { ReportFormView } from "./ReportFormView";
import { ServicesPanel } from "./ServicesPanel";
import { StatementForm } from "./StatementForm";
import { SeverityInput, type SeverityDraft, severityOf } from "./SeverityInput";

const SHARE = "share";
const at = (d: Delivery) => `inject:${d.injectId}`;

/** One organization's console: inbox, inject detail with acknowledge and decide, sharing, timeline. */
export function Participant({ principal, id }: { principal: Principal; id: string }) {
  const model = useExercise(id);
  const orgId = principal.organizationId!;
  const inbox = model.inboxOf(orgId);
  const [selectedId, setSelected] = useState<string | null>(null);
  const [tab, setTab] = useState<"inbox" | "feed">("inbox");
  const selected = inbox.find(d => d.injectId === selectedId) ?? null;
  // Keys can come faster than renders: J J must move two places, so moves start from the latest choice.
  const latest = useRef(selectedId);
  latest.current = selectedId;
  const decisionRef = useRef<HTMLSelectElement>(null);
  const shareRef = useRef<HTMLInputElement>(null);

  const move = (step: number) => {
    if (!inbox.length) return;
    const at = inbox.findIndex(d => d.injectId === latest.current);
    const next = inbox[Math.max(0, Math.min(inbox.length - 1, at < 0 ? 0 : at + step))];
    latest.current = next.injectId;
    setSelected(next.injectId);
    document.getElementById(`inject-${next.injectId}`)?.focus();
  };
  useShortcuts({
    j: () => move(1),
    k: () => move(-1),
    a: () => selected && void acknowledge(model, selected),
    d: () => decisionRef.current?.focus(),
    m: () => shareRef.current?.focus(),
  });

  return (
    <Shell title={t("participantTitle")} model={model} help={[t("help.participant")]}
      who={`${orgName(model, orgId)} · ${principal.role} · ${principal.name}`}>
      <CheckInbox model={model} orgId={orgId} />
      {model.clock.status === "ended" ? <HotWashForm model={model} id={id} /> : null}
      <div class="tabs" role="tablist">
        <button type="button" role="tab" class={`tab${tab === "inbox" ? " selected" : ""}`} aria-selected={tab === "inbox"} onClick={() => setTab("inbox")} data-testid="tab-inbox">{t("inbox")}</button>
        <button type="button" role="tab" class={`tab${tab === "feed" ? " selected" : ""}`} aria-selected={tab === "feed"} onClick={() => setTab("feed")} data-testid="tab-feed">
          {t("news.tab")} <span class="count">{model.feedItems.length}</span></button>
      </div>
      {tab === "feed" ? <NewsFeed model={model}><StatementForm model={model} /></NewsFeed> : null}
      <div class="participant" hidden={tab !== "inbox"}>
        <section class="panel inbox" aria-labelledby="inbox-h">
          <h2 id="inbox-h">{t("inbox")} <span class="count" data-testid="inbox-count">{inbox.length}</span></h2>
          {inbox.length === 0 ? <p class="empty">{t("inboxEmpty")}</p> : null}
          <ul class="items" data-testid="inbox">
            {inbox.map(d => {
              const state = deliveryState(model, d);
              return (
                <li key={d.injectId}>
                  <button type="button" id={`inject-${d.injectId}`} class={`item state-${state}${d.injectId === selectedId ? " selected" : ""}`}
                    aria-current={d.injectId === selectedId} data-inject={d.injectId} data-state={state} onClick={() => setSelected(d.injectId)}>
                    <span class="mark small-mark">{t("exercise")}</span>
                    <span class="title">{injectTitle(model, d.injectId)}</span>
                    <span class="meta">
                      <span class={`pill pill-${state}`}>{t(state)}</span>
                      <span>{spanText(d.scenarioAt)}</span>
                      <TimeLeft model={model} d={d} />
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
        <section class="panel detail" aria-labelledby="detail-h">
          {selected ? <InjectDetail model={model} d={selected} decisionRef={decisionRef} /> : <p class="empty" id="detail-h">{t("selectInject")}</p>}
        </section>
        <section class="panel share" aria-labelledby="share-h">
          <ShareForm model={model} orgId={orgId} inputRef={shareRef} />
          <SharedRecord model={model} orgId={orgId} />
        </section>
        <ServicesPanel model={model} orgId={orgId} />
        <section class="panel timeline" aria-labelledby="timeline-h">
          <h2 id="timeline-h">{t("timeline")}</h2>
          <ol class="events" data-testid="timeline">
            {model.events.filter(e => e.organizationId === orgId).slice().reverse().map(e => <EventRow key={e.seq} model={model} e={e} />)}
          </ol>
        </section>
      </div>
    </Shell>
  );
}

/** Queued like every action (see Outbox); a second press while the first waits is the same acknowledgement. */
async function acknowledge(model: ExerciseModel, d: Delivery): Promise<void> {
  if (d.ackSeq !== undefined) return;
  await model.outbox.enqueue("Acknowledge", [d.injectId], at(d), true);
}

function InjectDetail({ model, d, decisionRef }: { model: ExerciseModel; d: Delivery; decisionRef: preact.RefObject<HTMLSelectElement> }) {
  const inject = model.injects.get(d.injectId);
  const [choice, setChoice] = useState("");
  const [text, setText] = useState("");
  const [severity, setSeverity] = useState<SeverityDraft>({});
  const [note, setNote] = useState<string | null>(null);
  const once = useOnce();
  const act = (work: () => Promise<void>) => once(() => work().then(() => setNote(null), e => setNote((e as Error).message)));
  // An inject that asks for severity takes it with the decision; one that does not is refused it by the server.
  const rating = inject?.severity ? severityOf(severity) : null;
  const decide = (e: Event) => {
    e.preventDefault();
    act(() => model.outbox.enqueue("Decide", [d.injectId, choice || null, text.trim() || null, rating], at(d))
      .then(() => { setText(""); setChoice(""); setSeverity({}); }));
  };
  return (
    <article class="inject" data-testid="inject-detail" data-inject={d.injectId}>
      <div class="mark inject-mark">{t("exercise")}</div>
      <h2 id="detail-h">{injectTitle(model, d.injectId)}</h2>
      <dl class="facts">
        <dt>{t("channel")}</dt><dd>{inject?.channel ?? d.channel}</dd>
        <dt>{t("from")}</dt><dd>{loc(inject?.from)}</dd>
        <dt>{t("scenarioTime")}</dt><dd>{spanText(d.scenarioAt)}</dd>
        {d.respondBy !== null ? <><dt>{t("respondBy")}</dt><dd>{spanText(d.respondBy)} <TimeLeft model={model} d={d} /></dd></> : null}
      </dl>
      <p class="body">{loc(inject?.body)}</p>
      {inject?.expectedAction ? <p class="expected"><strong>{t("expectedAction")}:</strong> {loc(inject.expectedAction)}</p> : null}
      <p>
        {d.ackSeq !== undefined
          ? <span class="pill pill-acknowledged" data-testid="acknowledged">{t("acknowledgedBy", d.ackBy ?? "")}</span>
          : model.outbox.pending("Acknowledge", at(d)) ? null
          : <button type="button" class="primary" data-testid="acknowledge" onClick={() => act(() => acknowledge(model, d))}>{t("acknowledge")}</button>}
      </p>
      <Waiting model={model} about={at(d)} />
      {inject?.form ? <ReportFormView key={d.injectId} model={model} d={d} form={inject.form} /> : null}
      {inject?.form && !inject.choices.length ? null : <form class="decide" onSubmit={decide} aria-labelledby="decide-h">
        <h3 id="decide-h">{t("decide")}</h3>
        <label>{t("choice")}
          <select ref={decisionRef} value={choice} onChange={e => setChoice((e.target as HTMLSelectElement).value)} data-testid="choice">
            <option value="">{t("noChoice")}</option>
            {(inject?.choices ?? []).map(c => <option key={c.id} value={c.id}>{loc(c.text)}</option>)}
          </select>
        </label>
        <label>{t("freeText")}
          <textarea rows={3} value={text} onInput={e => setText((e.target as HTMLTextAreaElement).value)} data-testid="decision-text" />
        </label>
        {inject?.severity ? <SeverityInput value={severity} set={setSeverity} /> : null}
        <button type="submit" disabled={(!choice && !text.trim()) || (!!inject?.severity && !rating)} data-testid="decide">{t("record")}</button>
      </form>}
      <Note model={model} about={at(d)} note={note} />
      {d.decisions.length ? (
        <>
          <h3>{t("decisions")}</h3>
          <ul data-testid="decisions">
            {d.decisions.map(e => {
              const c = inject?.choices.find(x => x.id === e.payload?.choiceId);
              const level = e.payload?.severity ? ` [${t("severity.level")} ${Math.max(e.payload.severity.continuity, e.payload.severity.safety, e.payload.severity.trust)}]` : "";
              return <li key={e.seq}>#{e.seq} {spanText(parseSpan(e.scenarioTime))} {c ? loc(c.text) : e.payload?.choiceId} {e.payload?.text}{level} — {e.actorId}</li>;
            })}
          </ul>
        </>
      ) : null}
    </article>
  );
}

function ShareForm({ model, orgId, inputRef }: { model: ExerciseModel; orgId: string; inputRef: preact.RefObject<HTMLInputElement> }) {
  const [to, setTo] = useState<string[]>([]);
  const [subject, setSubject] = useState("");
  const [body, setBody] = useState("");
  const [regarding, setRegarding] = useState("");
  const [note, setNote] = useState<string | null>(null);
  const once = useOnce();
  const send = (e: Event) => {
    e.preventDefault();
    once(() => model.outbox.enqueue("SendMessage", [{ to, subject, body, regardingInjectId: regarding || null, forwardedFromSeq: null }], SHARE)
      .then(() => { setNote(null); setSubject(""); setBody(""); setTo([]); }, err => setNote((err as Error).message)));
  };
  return (
    <form onSubmit={send} class="share-form">
      <h2 id="share-h">{t("share")}</h2>
      <fieldset>
        <legend>{t("recipients")}</legend>
        <RecipientPicker model={model} orgId={orgId} to={to} setTo={setTo} testid="recipients" />
      </fieldset>
      <label>{t("subject")}<input ref={inputRef} value={subject} onInput={e => setSubject((e.target as HTMLInputElement).value)} data-testid="subject" /></label>
      <label>{t("body")}<textarea rows={3} value={body} onInput={e => setBody((e.target as HTMLTextAreaElement).value)} data-testid="message-body" /></label>
      <label>{t("regarding")}
        <select value={regarding} onChange={e => setRegarding((e.target as HTMLSelectElement).value)}>
          <option value="">{t("none")}</option>
          {model.inboxOf(orgId).map(d => <option key={d.injectId} value={d.injectId}>{injectTitle(model, d.injectId)}</option>)}
        </select>
      </label>
      <button type="submit" disabled={!to.length || !subject.trim() || !body.trim()} data-testid="send">{t("send")}</button>
      <Waiting model={model} about={SHARE} />
      <Note model={model} about={SHARE} note={note} />
    </form>
  );
}

/** Who received what: every message this organization sent (with its recipients) or received. */
function SharedRecord({ model, orgId }: { model: ExerciseModel; orgId: string }) {
  const mine = model.messages.filter(e => e.organizationId === orgId).slice().reverse();
  return (
    <>
      <h3>{t("sharedRecord")}</h3>
      <ul class="messages" data-testid="shared">
        {mine.map(e => {
          const p = e.payload ?? {};
          const sent = e.kind === "message-sent";
          const report = reportOf(model, p);
          return (
            <li key={e.seq} class={sent ? "sent" : "received"}>
              <span class="pill">{t(sent ? "sent" : "received")}</span> <strong>{p.subject}</strong>
              <span class="small"> {spanText(parseSpan(e.scenarioTime))} · {sent ? `${t("to")}: ${(p.to ?? []).map((o: string) => orgName(model, o)).join(", ")}` : `${t("from")}: ${orgName(model, p.from)}`}</span>
              <p>{p.body}</p>
              {report ? <AnswerList form={report.form} answers={report.answers} testid="message-report" /> : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}

