import { useEffect, useState } from "preact/hooks";
import { get } from "../api";
import { t } from "../i18n";
import { parseSpan, spanText } from "../time";
import { sectorName } from "../ui/parts";
import { VirtualList } from "../ui/VirtualList";
import { injectLabel, orgLabel, reviewPath, span, spanQuery } from "./names";
import type { ExerciseReview, ReplayOrganization, ReplaySnapshot } from "./types";
import { useLoad } from "./useLoad";

/**
 * The exercise as it stood at one moment: a slider over scenario time (or an event's seq) rebuilds the
 * per-organization table from the log on the server; choosing an organization shows its console's view then.
 */
export function Replay({ id, review, own }: { id: string; review: ExerciseReview; own?: string | null }) {
  const end = Math.floor(parseSpan(review.scenarioEnd) / 1000);
  const [at, setAt] = useState(end);
  const [ask, setAsk] = useState(`seq=${review.lastSeq}`);
  const [seqText, setSeqText] = useState("");
  const [org, setOrg] = useState<string | null>(own ?? null);
  // A participant replays its own organization only; the whole exercise at a moment is for the staff.
  const snapshot = useLoad(() => (own ? Promise.resolve(null) : get<ReplaySnapshot>(`${reviewPath(id, "/replay")}?${ask}`)), ask);
  const snap = snapshot.data;
  // A jump to a seq moves the slider to where that event happened.
  useEffect(() => { if (snap && ask.startsWith("seq=")) setAt(Math.floor(parseSpan(snap.scenarioTime) / 1000)); }, [snap]);
  return (
    <div class="replay">
      <section class="panel" aria-labelledby="replay-h">
        <h2 id="replay-h">{t("review.replay")}</h2>
        <div class="replay-controls">
          <label class="slider">{t("scenarioTime")} <strong data-testid="replay-at">{spanText(at * 1000)}</strong>
            <input type="range" min={0} max={end} step={1} value={at} data-testid="replay-slider"
              onInput={e => setAt(+(e.target as HTMLInputElement).value)}
              onChange={e => setAsk(`at=${spanQuery(+(e.target as HTMLInputElement).value * 1000)}`)} />
          </label>
          <form class="inline" onSubmit={e => { e.preventDefault(); if (/^\d+$/.test(seqText)) setAsk(`seq=${seqText}`); }}>
            <label>{t("replay.seq")} <input value={seqText} inputMode="numeric" size={7} onInput={e => setSeqText((e.target as HTMLInputElement).value.trim())} data-testid="replay-seq" /></label>
            <button type="submit" data-testid="replay-go">{t("replay.go")}</button>
          </form>
        </div>
        {snapshot.error ? <p class="error" role="alert">{snapshot.error}</p> : null}
        {snap ? (
          <p class="small" data-testid="replay-moment" data-seq={snap.atSeq} data-status={snap.status}>
            {t("replay.moment", snap.atSeq, span(snap.scenarioTime), t(`status.${snap.status}` as never) || snap.status)}
          </p>
        ) : null}
      </section>
      {snap ? <OrganizationsAt review={review} snap={snap} chosen={org} choose={setOrg} /> : null}
      {snap ? <InjectsAt review={review} snap={snap} /> : null}
      {org && (own || snap) ? <OrganizationView id={id} review={review} org={org} moment={own ? ask : `seq=${snap!.atSeq}`} /> : null}
    </div>
  );
}

function OrganizationsAt({ review, snap, chosen, choose }: { review: ExerciseReview; snap: ReplaySnapshot; chosen: string | null; choose: (org: string) => void }) {
  const lines = snap.organizations;
  return (
    <section class="panel" aria-labelledby="replay-orgs-h">
      <h3 id="replay-orgs-h">{t("organizations")}</h3>
      <div class="grid-row grid-head replay-row" aria-hidden="true">
        <span>{t("organization")}</span><span>{t("sector")}</span><span>{t("delivered")}</span><span>{t("acknowledged")}</span>
        <span>{t("answered")}</span><span>{t("overdue")}</span><span>{t("sent")}</span><span>{t("received")}</span>
      </div>
      <VirtualList items={lines} rowHeight={28} height={340} testid="replay-orgs" row={l => (
        <div class={`grid-row replay-row${l.organizationId === chosen ? " selected" : ""}`} data-org={l.organizationId}
          data-received={l.received} data-acknowledged={l.acknowledged} data-answered={l.answered} data-overdue={l.overdue}>
          <button type="button" class="link" onClick={() => choose(l.organizationId)}>{orgLabel(review, l.organizationId)}</button>
          <span>{sectorName(l.sector)}</span><span>{l.received}</span><span>{l.acknowledged}</span><span>{l.answered}</span>
          <span class={l.overdue ? "late" : ""}>{l.overdue}</span><span>{l.messagesSent}</span><span>{l.messagesReceived}</span>
        </div>
      )} />
    </section>
  );
}

function InjectsAt({ review, snap }: { review: ExerciseReview; snap: ReplaySnapshot }) {
  return (
    <section class="panel" aria-labelledby="replay-injects-h">
      <h3 id="replay-injects-h">{t("injects")}</h3>
      <table class="compact" data-testid="replay-injects">
        <thead><tr><th>{t("inject")}</th><th>{t("status")}</th><th>{t("recipients")}</th><th>{t("acknowledged")}</th><th>{t("answered")}</th><th>{t("overdue")}</th></tr></thead>
        <tbody>
          {snap.injects.map(i => (
            <tr key={i.injectId} class={i.fired ? "" : "pending"} data-inject={i.injectId} data-fired={i.fired}>
              <td>{injectLabel(review, i.injectId)}</td>
              <td>{i.fired ? `${t("fired")} ${span(i.firedAtScenario)}` : t("pending")}</td>
              <td>{i.recipients}</td><td>{i.acknowledged}</td><td>{i.answered}</td>
              <td>{i.overdueOrganizations.map(o => orgLabel(review, o)).join(", ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** One organization's console as it was: its inbox with what it had acknowledged and answered, and its messages. */
function OrganizationView({ id, review, org, moment }: { id: string; review: ExerciseReview; org: string; moment: string }) {
  const view = useLoad(() => get<ReplayOrganization>(`${reviewPath(id, `/replay/organizations/${encodeURIComponent(org)}`)}?${moment}`), `${org}@${moment}`);
  const v = view.data;
  const messages = v ? [...v.view.sent.map(m => ({ m, sent: true })), ...v.view.received.map(m => ({ m, sent: false }))]
    .sort((a, b) => parseSpan(a.m.scenarioTime) - parseSpan(b.m.scenarioTime)) : [];
  return (
    <section class="panel replay-org" aria-labelledby="replay-org-h" data-testid="replay-org" data-org={org}>
      <h3 id="replay-org-h">{orgLabel(review, org)} {v ? <span class="small" data-testid="replay-org-seq" data-seq={v.atSeq}>{t("replay.viewAt", v.atSeq)} · {span(v.scenarioTime)}</span> : null}</h3>
      {view.error ? <p class="error" role="alert">{view.error}</p> : null}
      {v ? (
        <div class="replay-org-body">
          <div>
            <h4>{t("inbox")}</h4>
            {v.view.inbox.length === 0 ? <p class="empty">{t("inboxEmpty")}</p> : null}
            <ul class="messages" data-testid="replay-inbox">
              {v.view.inbox.map(i => {
                const state = i.decisionSeqs.length ? "answered" : v.overdueInjects.includes(i.injectId) ? "overdue" : i.acknowledgedSeq ? "acknowledged" : "unread";
                return (
                  <li key={i.injectId} data-inject={i.injectId} data-state={state}>
                    <span class={`pill pill-${state}`}>{t(state)}</span> <strong>{injectLabel(review, i.injectId)}</strong>
                    <span class="small"> {span(i.deliveredAtScenario)}{i.acknowledgedBy ? ` · ${t("acknowledgedBy", i.acknowledgedBy)}` : ""}</span>
                  </li>
                );
              })}
            </ul>
          </div>
          <div>
            <h4>{t("sharedRecord")}</h4>
            <ul class="messages" data-testid="replay-messages">
              {messages.map(({ m, sent }) => (
                <li key={`${sent}-${m.seq}`} class={sent ? "sent" : "received"}>
                  <span class="pill">{t(sent ? "sent" : "received")}</span> <strong>{m.subject}</strong>
                  <span class="small"> {span(m.scenarioTime)} · {sent ? `${t("to")}: ${m.to.map(o => orgLabel(review, o)).join(", ")}` : `${t("from")}: ${orgLabel(review, m.fromOrganizationId)}`}</span>
                  <p>{m.body}</p>
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
    </section>
  );
}
