import { useMemo, useState } from "preact/hooks";
import { answered, type Delivery, type ExerciseModel } from "../exercise";
import { loc, t } from "../i18n";
import type { Inject } from "../model";
import type { Presence } from "../presence";
import { parseSpan, spanText } from "../time";
import { FilterBar, type ListFilter, orgMatches, useListFilter } from "./filters";
import { HoldPanel, type HoldAction, conditionText } from "./HoldPanel";
import { deliveryState, orgName, sectorName } from "./parts";
import { VirtualList, useWindow } from "./VirtualList";

interface Tally { delivered: number; acknowledged: number; answered: number; overdue: number }

const BOARD_STATUSES = ["pending", "held", "released", "cancelled", "fired", "unacknowledged", "overdue"];
const ORG_STATUSES = ["behind", "keepingUp", "idle", "unacknowledged", "overdue", "offline", "online"];

/** The organizations a filter keeps (null: no organization filter, so every organization counts). */
function orgSet(model: ExerciseModel, f: ListFilter): Set<string> | null {
  if (!f.text && !f.sector) return null;
  return new Set(model.organizations.filter(o => (!f.sector || o.sector === f.sector) && orgMatches(model, o.id, f.text)).map(o => o.id));
}

function tally(model: ExerciseModel, injectId: string, orgs: Set<string> | null): Tally {
  const n: Tally = { delivered: 0, acknowledged: 0, answered: 0, overdue: 0 };
  for (const d of model.deliveries.get(injectId)?.values() ?? []) {
    if (orgs && !orgs.has(d.orgId)) continue;
    n.delivered++;
    if (d.ackSeq !== undefined) n.acknowledged++;
    if (answered(d)) n.answered++;
    if (model.overdue(d)) n.overdue++;
  }
  return n;
}

/**
 * The MSEL: every inject with its time and status, and how far its organizations got (from events). Searching
 * an organization or picking a sector keeps the injects that reach it and counts only its organizations.
 */
export function MselBoard({ model, act }: { model: ExerciseModel; act?: HoldAction }) {
  const [filter, setFilter] = useListFilter();
  const [selected, setSelected] = useState<string | null>(null);
  // A search that names no organization is a search of the injects' titles and ids.
  const byOrg = orgSet(model, filter);
  const byTitle = !!filter.text.trim() && byOrg?.size === 0;
  const orgs = byTitle ? orgSet(model, { ...filter, text: "" }) : byOrg;
  const needle = filter.text.trim().toLowerCase();
  const recipients = new Map((model.view?.injects ?? []).map(s => [s.inject.id, s.recipients]));
  const reaches = (inject: Inject) => {
    const delivered = [...(model.deliveries.get(inject.id)?.keys() ?? [])];
    return [...delivered, ...(recipients.get(inject.id) ?? [])].some(o => orgs!.has(o));
  };
  const rows = [...model.injects.values()]
    .sort((a, b) => parseSpan(a.at) - parseSpan(b.at))
    .map(inject => ({ inject, n: tally(model, inject.id, orgs), fired: model.fired.has(inject.id), status: model.injectStatus(inject.id) }))
    .filter(({ inject, n, fired, status }) => {
      if (byTitle && ![inject.id, inject.title.en, inject.title.ja].some(s => s?.toLowerCase().includes(needle))) return false;
      if (orgs && !reaches(inject)) return false;
      switch (filter.status) {
        case "pending": return status === "pending";
        case "held": case "released": case "cancelled": return status === filter.status;
        case "fired": return fired;
        case "unacknowledged": return n.acknowledged < n.delivered;
        case "overdue": return n.overdue > 0;
        default: return true;
      }
    });
  const w = useWindow(rows.length, 32, 360);
  return (
    <section class="panel board" aria-labelledby="board-h" id="board" tabIndex={-1}>
      <h2 id="board-h">{t("board")}</h2>
      <FilterBar model={model} filter={filter} set={setFilter} statuses={BOARD_STATUSES} prefix="board" found={rows.length} />
      <div class="vlist" style={{ maxHeight: "360px" }} onScroll={w.onScroll} data-count={rows.length}>
        <table data-testid="board">
          <thead>
            <tr>
              <th scope="col">{t("at")}</th><th scope="col">{t("inject")}</th><th scope="col">{t("status")}</th>
              <th scope="col">{t("delivered")}</th><th scope="col">{t("acknowledged")}</th>
              <th scope="col">{t("answered")}</th><th scope="col">{t("overdue")}</th>
            </tr>
          </thead>
          <tbody>
            <tr aria-hidden="true" style={{ height: `${w.padTop}px` }} />
            {rows.slice(w.start, w.end).map(({ inject, n, status }) => (
              <tr key={inject.id} data-inject={inject.id} data-status={status} class={`${status}${selected === inject.id ? " selected" : ""}`} style={{ height: "32px" }}>
                <td>{spanText(parseSpan(inject.at))}</td>
                <td><button type="button" class="link" onClick={() => setSelected(selected === inject.id ? null : inject.id)} aria-expanded={selected === inject.id}>
                  {loc(inject.title)}</button> {inject.id.startsWith("adhoc") ? <span class="pill">{t("adhoc")}</span> : null}</td>
                <td><span class={`pill pill-${status}`} title={waitsFor(model, inject.id)} data-testid="inject-status">{t(status)}</span></td>
                <td data-testid="delivered">{n.delivered}</td>
                <td data-testid="acknowledged">{n.acknowledged}</td>
                <td data-testid="answered">{n.answered}</td>
                <td data-testid="overdue" class={n.overdue ? "late" : ""}>{n.overdue}</td>
              </tr>
            ))}
            <tr aria-hidden="true" style={{ height: `${w.padBottom}px` }} />
          </tbody>
        </table>
      </div>
      {selected ? <HoldPanel model={model} injectId={selected} act={act} /> : null}
      {selected ? <InjectOrgs model={model} injectId={selected} orgs={orgs} /> : null}
    </section>
  );
}

/** A held inject's first condition not met yet, in words (the whole tree is in the detail). */
function waitsFor(model: ExerciseModel, injectId: string): string | undefined {
  if (model.injectStatus(injectId) !== "held") return undefined;
  let p = model.views.get(injectId)?.hold?.when;
  while (p && p.parts.length) p = p.parts.find(x => !x.met) ?? p.parts[0];
  return p ? conditionText(model, p.condition) : undefined;
}

/** Where one inject stands at each organization it reached (those the board's filter keeps). */
function InjectOrgs({ model, injectId, orgs }: { model: ExerciseModel; injectId: string; orgs: Set<string> | null }) {
  const byOrg = [...(model.deliveries.get(injectId)?.values() ?? [])].filter(d => !orgs || orgs.has(d.orgId));
  return (
    <div class="inject-orgs" data-testid="board-detail" data-inject={injectId}>
      <h3>{loc(model.injects.get(injectId)?.title)} — {t("perOrganization")}</h3>
      <VirtualList items={byOrg} rowHeight={26} height={220} testid="per-org" row={(d: Delivery) => {
        const state = deliveryState(model, d);
        return <span class="org-line" data-org={d.orgId} data-state={state}>{orgName(model, d.orgId)} <span class="small">{d.orgId}</span> <span class={`pill pill-${state}`}>{t(state)}</span></span>;
      }} />
    </div>
  );
}

interface OrgRow { id: string; sector: string; simulated: boolean; delivered: number; acked: number; answered: number; overdue: number; unread: number; state: string; online: number }

/** Every organization's counts in one pass over the deliveries (not one pass per organization). */
function orgRows(model: ExerciseModel, presence?: Presence): OrgRow[] {
  const rows = new Map<string, OrgRow>(model.organizations.map(o => [o.id, {
    id: o.id, sector: o.sector, simulated: o.simulated, delivered: 0, acked: 0, answered: 0, overdue: 0, unread: 0, state: "idle",
    online: presence?.byOrg.get(o.id)?.connections ?? 0,
  }]));
  for (const byOrg of model.deliveries.values()) {
    for (const d of byOrg.values()) {
      const r = rows.get(d.orgId);
      if (!r) continue;
      r.delivered++;
      if (d.ackSeq !== undefined) r.acked++;
      if (answered(d)) r.answered++;
      if (model.overdue(d)) r.overdue++;
      if (d.ackSeq === undefined && !answered(d)) r.unread++;
    }
  }
  for (const r of rows.values()) r.state = r.delivered === 0 ? "idle" : r.overdue || r.unread > 1 ? "behind" : "keepingUp";
  return [...rows.values()];
}

function keeps(r: OrgRow, status: string, presence?: Presence): boolean {
  switch (status) {
    case "behind": case "keepingUp": case "idle": return r.state === status;
    case "unacknowledged": return r.unread > 0;
    case "overdue": return r.overdue > 0;
    case "offline": return !!presence?.view && !r.simulated && r.online === 0;
    case "online": return r.online > 0;
    default: return true;
  }
}

/**
 * Organizations by sector: a tile per sector (how many keep up, are behind, have someone connected; a click
 * filters to it), then every organization that the search, sector and status keep, as a windowed list.
 */
export function OrgGrid({ model, presence }: { model: ExerciseModel; presence?: Presence }) {
  const [filter, setFilter] = useListFilter();
  const all = useMemo(() => orgRows(model, presence), [model.version, presence?.view, model.organizations.length]);
  const shown = all.filter(r => (!filter.sector || r.sector === filter.sector) && keeps(r, filter.status, presence) && orgMatches(model, r.id, filter.text));
  const sectors = [...new Set(all.map(r => r.sector))];
  return (
    <section class="panel grid" aria-labelledby="grid-h">
      <h2 id="grid-h">{t("orgGrid")}</h2>
      <div class="sector-tiles" data-testid="org-grid">
        {sectors.map(sector => {
          const rows = all.filter(r => r.sector === sector);
          const behind = rows.filter(r => r.state === "behind").length;
          return (
            <button type="button" class={`sector-tile${filter.sector === sector ? " selected" : ""}${behind ? " has-behind" : ""}`} key={sector} data-sector={sector}
              onClick={() => setFilter({ sector: filter.sector === sector ? "" : sector })}>
              <h3>{sectorName(sector)}</h3>
              <span class="small">{rows.length} · {t("behind")} {behind}{presence?.view ? ` · ${t("online")} ${rows.filter(r => r.online > 0).length}` : ""}</span>
            </button>
          );
        })}
      </div>
      <FilterBar model={model} filter={filter} set={setFilter} statuses={ORG_STATUSES} prefix="grid" found={shown.length} />
      <VirtualList items={shown} rowHeight={30} height={420} testid="org-list" row={r => (
        <div class={`org org-${r.state}`} data-org={r.id} data-state={r.state} data-online={r.online} title={t(r.state as never)}>
          <strong>{orgName(model, r.id)}</strong>
          <span class="small">{r.id}</span>
          <span class="small">{sectorName(r.sector)}</span>
          <span class="small">{r.delivered} · ✓{r.acked} · ✎{r.answered}{r.overdue ? ` · ⚠${r.overdue}` : ""}</span>
          <span class="small">{r.simulated ? t("simulated") : presence?.view ? (r.online ? `● ${r.online}` : `○ ${t("nobody")}`) : ""}</span>
          <span class="small">{t(r.state as never)}</span>
        </div>
      )} />
    </section>
  );
}
