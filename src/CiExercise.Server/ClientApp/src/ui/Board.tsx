import type { ExerciseModel } from "../exercise";
import { loc, t } from "../i18n";
import type { Inject } from "../model";
import { parseSpan, spanText } from "../time";
import { deliveryState, orgName, sectorName } from "./parts";

interface Tally { delivered: number; acknowledged: number; answered: number; overdue: number }

function tally(model: ExerciseModel, injectId: string): Tally {
  const t: Tally = { delivered: 0, acknowledged: 0, answered: 0, overdue: 0 };
  for (const d of model.deliveries.get(injectId)?.values() ?? []) {
    t.delivered++;
    if (d.ackSeq !== undefined) t.acknowledged++;
    if (d.decisions.length) t.answered++;
    if (model.overdue(d)) t.overdue++;
  }
  return t;
}

/** The MSEL: every inject with its time and status, and per organization how far it got (from events). */
export function MselBoard({ model }: { model: ExerciseModel }) {
  const injects = [...model.injects.values()].sort((a, b) => parseSpan(a.at) - parseSpan(b.at));
  return (
    <section class="panel board" aria-labelledby="board-h" id="board" tabIndex={-1}>
      <h2 id="board-h">{t("board")}</h2>
      <table data-testid="board">
        <thead>
          <tr>
            <th scope="col">{t("at")}</th><th scope="col">{t("inject")}</th><th scope="col">{t("status")}</th>
            <th scope="col">{t("delivered")}</th><th scope="col">{t("acknowledged")}</th>
            <th scope="col">{t("answered")}</th><th scope="col">{t("overdue")}</th>
          </tr>
        </thead>
        <tbody>
          {injects.map(inject => <BoardRow key={inject.id} model={model} inject={inject} />)}
        </tbody>
      </table>
    </section>
  );
}

function BoardRow({ model, inject }: { model: ExerciseModel; inject: Inject }) {
  const n = tally(model, inject.id);
  const fired = model.fired.has(inject.id);
  const byOrg = [...(model.deliveries.get(inject.id)?.values() ?? [])];
  return (
    <tr data-inject={inject.id} class={fired ? "fired" : "pending"}>
      <td>{spanText(parseSpan(inject.at))}</td>
      <td>
        <details>
          <summary>{loc(inject.title)} {inject.id.startsWith("adhoc") ? <span class="pill">{t("adhoc")}</span> : null}</summary>
          <ul class="per-org">
            {byOrg.map(d => {
              const state = deliveryState(model, d);
              return <li key={d.orgId} data-org={d.orgId} data-state={state}>{orgName(model, d.orgId)}: <span class={`pill pill-${state}`}>{t(state)}</span></li>;
            })}
          </ul>
        </details>
      </td>
      <td><span class={`pill ${fired ? "pill-acknowledged" : ""}`}>{t(fired ? "fired" : "pending")}</span></td>
      <td data-testid="delivered">{n.delivered}</td>
      <td data-testid="acknowledged">{n.acknowledged}</td>
      <td data-testid="answered">{n.answered}</td>
      <td data-testid="overdue" class={n.overdue ? "late" : ""}>{n.overdue}</td>
    </tr>
  );
}

/** Organizations grouped by sector; each shows whether it is keeping up with what it received. */
export function OrgGrid({ model }: { model: ExerciseModel }) {
  const orgs = model.organizations;
  const sectors = [...new Set(orgs.map(o => o.sector))];
  return (
    <section class="panel grid" aria-labelledby="grid-h">
      <h2 id="grid-h">{t("orgGrid")}</h2>
      <div class="sectors" data-testid="org-grid">
        {sectors.map(sector => (
          <div class="sector" key={sector} data-sector={sector}>
            <h3>{sectorName(sector)}</h3>
            {orgs.filter(o => o.sector === sector).map(({ id: o, simulated }) => {
              const inbox = model.inboxOf(o);
              const overdue = inbox.filter(d => model.overdue(d)).length;
              const unread = inbox.filter(d => d.ackSeq === undefined && !d.decisions.length).length;
              const state = inbox.length === 0 ? "idle" : overdue || unread > 1 ? "behind" : "keepingUp";
              return (
                <div class={`org org-${state}`} key={o} data-org={o} data-state={state} title={t(state)}>
                  <strong>{orgName(model, o)}</strong>
                  {simulated ? <span class="small">{t("simulated")}</span> : null}
                  <span class="small">{inbox.length} · ✓{inbox.filter(d => d.ackSeq !== undefined).length} · ✎{inbox.filter(d => d.decisions.length).length}{overdue ? ` · ⚠${overdue}` : ""}</span>
                  <span class="small">{t(state)}</span>
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </section>
  );
}
