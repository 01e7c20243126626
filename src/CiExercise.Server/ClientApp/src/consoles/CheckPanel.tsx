import { useState } from "preact/hooks";
import { type Check, type CheckTarget, reach, useChecks } from "../checks";
import type { ExerciseModel } from "../exercise";
import { t } from "../i18n";
import { CommandsWaiting, failure, useCommands } from "../ui/commands";
import { orgMatches, useListFilter } from "../ui/filters";
import { useOnce } from "../ui/hooks";
import { orgName } from "../ui/parts";
import { VirtualList } from "../ui/VirtualList";

const secs = (ms?: number) => (ms === undefined ? "—" : `${Math.round(ms / 1000)} s`);

/**
 * Communication checks: start one down the reporting chain or to everyone, then watch, per stage, the share
 * of organizations that acknowledged and how fast, and who has not answered. All of it is folded from events.
 */
export function CheckPanel({ model, controller }: { model: ExerciseModel; controller: boolean }) {
  const book = useChecks(model);
  const checks = [...book.checks.values()].sort((a, b) => b.seq - a.seq);
  return (
    <section class="panel checks" aria-labelledby="checks-h" data-testid="checks">
      <h2 id="checks-h">{t("commChecks")}</h2>
      {controller ? <StartCheck model={model} /> : null}
      {checks.length === 0 ? <p class="empty">{t("noChecks")}</p> : null}
      {checks.map(c => <CheckReport key={c.id} model={model} check={c} controller={controller} />)}
    </section>
  );
}

function StartCheck({ model }: { model: ExerciseModel }) {
  const [route, setRoute] = useState("chain");
  const [message, setMessage] = useState("");
  const [note, setNote] = useState<string | null>(null);
  const [run, waiting] = useCommands();
  const once = useOnce();
  const start = (e: Event) => {
    e.preventDefault();
    once(() => run<{ checkId: string; organizations: number }>(t("startCheck"), "POST", `/api/exercises/${encodeURIComponent(model.id)}/communication-checks`,
      // The key travels as the command's Idempotency-Key header (one per press, the same on every retry).
      { route, message })
      .then(r => { setNote(t("checkStarted", r.checkId, r.organizations)); setMessage(""); }, err => setNote(failure(err))));
  };
  return (
    <form class="check-form" onSubmit={start}>
      <fieldset class="row">
        <legend>{t("route")}</legend>
        <label class="check"><input type="radio" name="check-route" checked={route === "chain"} onChange={() => setRoute("chain")} data-testid="route-chain" />{t("route.chain")}</label>
        <label class="check"><input type="radio" name="check-route" checked={route === "everyone"} onChange={() => setRoute("everyone")} data-testid="route-everyone" />{t("route.everyone")}</label>
      </fieldset>
      <label>{t("checkMessage")} <textarea rows={2} maxLength={1000} value={message} data-testid="check-message"
        onInput={e => setMessage((e.target as HTMLTextAreaElement).value)} /></label>
      <button type="submit" class="primary" disabled={!message.trim()} data-testid="check-start">{t("startCheck")}</button>
      <CommandsWaiting waiting={waiting} />
      {note ? <p class="note" role="status" data-testid="check-note">{note}</p> : null}
    </form>
  );
}

function CheckReport({ model, check, controller }: { model: ExerciseModel; check: Check; controller: boolean }) {
  const [filter, setFilter] = useListFilter();
  const [error, setError] = useState<string | null>(null);
  const [run, commands] = useCommands();
  const stages = reach(check);
  const waiting = [...check.targets.values()]
    .filter(x => x.ackAt === undefined && (!filter.status || x.stage === filter.status) && orgMatches(model, x.orgId, filter.text));
  const close = () => run(t("closeCheck"), "POST", `/api/exercises/${encodeURIComponent(model.id)}/communication-checks/${check.id}/close`, {})
    .then(() => setError(null), e => setError(failure(e)));
  return (
    <article class="check" data-check={check.id} data-closed={check.closedAt !== undefined}>
      <h3>{check.id} · {t(`route.${check.route}` as never)} {check.closedAt !== undefined ? <span class="pill">{t("closed")}</span> : null}
        {controller && check.closedAt === undefined ? <button type="button" onClick={close} data-testid="check-close">{t("closeCheck")}</button> : null}</h3>
      <p class="small">{check.message} — {check.startedBy}, {new Date(check.startedAt).toLocaleTimeString()}</p>
      <CommandsWaiting waiting={commands} />
      {error ? <p class="error">{error}</p> : null}
      <table class="compact" data-testid="reach">
        <thead><tr><th scope="col">{t("stage")}</th><th scope="col">{t("reached")}</th><th scope="col">{t("acknowledged")}</th>
          <th scope="col">{t("rate")}</th><th scope="col">{t("medianAck")}</th><th scope="col">{t("slowestAck")}</th></tr></thead>
        <tbody>
          {stages.map(s => (
            <tr key={s.stage} data-stage={s.stage} data-rate={s.rate.toFixed(2)}>
              <td>{t(`stage.${s.stage}` as never)}</td><td>{s.received} / {s.organizations}</td><td data-testid="stage-acked">{s.acknowledged}</td>
              <td><meter min={0} max={1} value={s.rate} /> <span data-testid="stage-rate">{Math.round(s.rate * 100)}%</span></td>
              <td>{secs(s.median)}</td><td>{secs(s.slowest)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>{t("notAnswered")} <span class="count" data-testid="not-answered-count">{[...check.targets.values()].filter(x => x.ackAt === undefined).length}</span></h4>
      <div class="filters">
        <label>{t("search")} <input type="search" value={filter.text} placeholder={t("searchOrg")} data-testid="check-search"
          onInput={e => setFilter({ text: (e.target as HTMLInputElement).value })} /></label>
        <label>{t("stage")} <select value={filter.status} onChange={e => setFilter({ status: (e.target as HTMLSelectElement).value })} data-testid="check-stage">
          <option value="">{t("all")}</option>
          {stages.map(s => <option key={s.stage} value={s.stage}>{t(`stage.${s.stage}` as never)}</option>)}
        </select></label>
      </div>
      <VirtualList items={waiting} rowHeight={24} height={168} testid="not-answered" row={(x: CheckTarget) => (
        <span data-org={x.orgId} data-received={x.receivedAt !== undefined}>
          {orgName(model, x.orgId)} <span class="small">{t(`stage.${x.stage}` as never)} · {x.receivedAt !== undefined ? t("receivedNotAcked") : `${t("notReached")}${x.via ? ` (${t("via")} ${orgName(model, x.via)})` : ""}`}</span>
        </span>
      )} />
    </article>
  );
}
