import { useState } from "preact/hooks";
import { ApiError, api, get } from "../api";
import { loc, t } from "../i18n";
import type { Principal } from "../model";
import { CommandsWaiting, failure, useCommands } from "../ui/commands";
import { exercisePath, objectiveLabel, orgLabel } from "./names";
import { Trends } from "./Trends";
import type { ActionStatus, CorrectiveAction, CorrectiveActions, ExerciseReview } from "./types";
import { useLoad } from "./useLoad";

const STATUSES: ActionStatus[] = ["open", "in-progress", "done", "dropped"];
const KPIS = ["acknowledgement", "response-window", "escalation", "report-to-ministry", "report-to-national-centre", "report-to-ceptoar", "cross-sector", "severity-calibration"];

/** What a corrective action says, as the form edits it. */
interface Draft { objectiveId: string; taskId: string; kpi: string; finding: string; action: string; ownerOrganizationId: string; due: string; status: ActionStatus }
const EMPTY: Draft = { objectiveId: "", taskId: "", kpi: "", finding: "", action: "", ownerOrganizationId: "", due: "", status: "open" };

/**
 * The improvement plan: actions raised in this exercise and those carried in from earlier ones (with whether
 * their finding recurred here and the evidence), added and edited by controllers and evaluators; an edit names
 * the version it read, and a newer one on the server is shown, not overwritten. Controllers also see trends.
 */
export function Improvement({ id, review, principal }: { id: string; review: ExerciseReview; principal: Principal }) {
  const actions = useLoad(() => get<CorrectiveActions>(exercisePath(id, "/corrective-actions")), id);
  const [editing, setEditing] = useState<CorrectiveAction | null>(null);
  const mayEdit = principal.kind === "controller" || principal.kind === "evaluator";
  const a = actions.data;
  return (
    <div class="improvement">
      {actions.error ? <p class="error" role="alert">{actions.error}</p> : null}
      <section class="panel" aria-labelledby="ca-carried-h">
        <h2 id="ca-carried-h">{t("ca.carried")}</h2>
        <CarriedTable review={review} carried={a?.carried ?? []} />
      </section>
      <section class="panel" aria-labelledby="ca-raised-h">
        <h2 id="ca-raised-h">{t("ca.raised")}</h2>
        {a && a.raised.length === 0 ? <p class="empty">{t("ca.none")}</p> : null}
        <table class="compact" data-testid="ca-raised">
          <thead><tr><th>{t("ca.finding")}</th><th>{t("ca.action")}</th><th>{t("ca.owner")}</th><th>{t("ca.due")}</th><th>{t("status")}</th><th /></tr></thead>
          <tbody>{(a?.raised ?? []).map(x => (
            <tr key={x.id} data-action={x.id} data-version={x.version} data-status={x.status}>
              <td>{x.finding}<div class="small">{about(review, x)}</div></td><td>{x.action}</td><td>{orgLabel(review, x.ownerOrganizationId)}</td>
              <td>{x.due ?? ""}</td><td>{t(`ca.status.${x.status}`)}</td>
              <td>{mayEdit ? <button type="button" class="link" onClick={() => setEditing(x)} data-testid="ca-edit">{t("ca.edit")}</button> : null}</td>
            </tr>
          ))}</tbody>
        </table>
      </section>
      {mayEdit ? <ActionForm key={editing ? `${editing.id}@${editing.version}` : "new"} id={id} review={review} editing={editing}
        done={() => { setEditing(null); actions.reload(); }} stale={actions.reload} /> : null}
      {principal.kind === "controller" ? <Trends review={review} /> : null}
    </div>
  );
}

/** The open actions carried in from earlier exercises; also shown on the staff consoles before and during play. */
export function CarriedTable({ review, carried }: { review?: ExerciseReview; carried: CorrectiveActions["carried"] }) {
  if (carried.length === 0) return <p class="empty">{t("ca.noneCarried")}</p>;
  const org = (id?: string) => (review ? orgLabel(review, id) : id ?? "");
  return (
    <table class="compact" data-testid="ca-carried">
      <thead><tr><th>{t("ca.from")}</th><th>{t("ca.finding")}</th><th>{t("ca.action")}</th><th>{t("ca.owner")}</th><th>{t("ca.due")}</th><th>{t("status")}</th><th>{t("ca.recurred")}</th></tr></thead>
      <tbody>{carried.map(c => (
        <tr key={c.action.id} data-action={c.action.id} data-recurred={c.recurred} class={c.recurred ? "missed" : ""}>
          <td>{c.action.exerciseId}</td><td>{c.action.finding}</td><td>{c.action.action}</td><td>{org(c.action.ownerOrganizationId)}</td>
          <td>{c.action.due ?? ""}</td><td>{t(`ca.status.${c.action.status}`)}</td>
          <td>{c.recurred ? <strong class="late">{t("ca.recurredYes")}</strong> : t("ca.recurredNo")}
            {c.evidence.length ? <ul class="small">{c.evidence.map(x => <li key={x}>{x}</li>)}</ul> : null}</td>
        </tr>
      ))}</tbody>
    </table>
  );
}

function about(review: ExerciseReview, x: CorrectiveAction): string {
  return [x.objectiveId ? objectiveLabel(review, x.objectiveId) : x.capability, x.taskId, x.kpi ? t(`kpi.kind.${x.kpi}` as never) || x.kpi : null]
    .filter(Boolean).join(" · ");
}

/** Adds an action, or edits one; a stale edit (409) is reported and the list read again, so the next edit starts from the newer version. */
function ActionForm({ id, review, editing, done, stale }: { id: string; review: ExerciseReview; editing: CorrectiveAction | null; done: () => void; stale: () => void }) {
  const [draft, setDraft] = useState<Draft>(() => editing ? {
    objectiveId: editing.objectiveId ?? "", taskId: editing.taskId ?? "", kpi: editing.kpi ?? "", finding: editing.finding, action: editing.action,
    ownerOrganizationId: editing.ownerOrganizationId ?? "", due: editing.due ?? "", status: editing.status,
  } : EMPTY);
  const [error, setError] = useState<string | null>(null);
  const [run, waiting] = useCommands();
  const set = (patch: Partial<Draft>) => setDraft(d => ({ ...d, ...patch }));
  const objective = review.scenario.objectives.find(o => o.id === draft.objectiveId);
  const body = {
    objectiveId: draft.objectiveId || null, capability: objective?.capability ?? null, taskId: draft.taskId || null, kpi: draft.kpi || null,
    finding: draft.finding.trim(), action: draft.action.trim(), ownerOrganizationId: draft.ownerOrganizationId || null, due: draft.due || null, status: draft.status,
  };
  const save = (e: Event) => {
    e.preventDefault();
    const sent = editing
      ? api<CorrectiveAction>("PUT", exercisePath(id, `/corrective-actions/${encodeURIComponent(editing.id)}`), body, undefined, { "if-match": `"${editing.version}"` })
      : run<CorrectiveAction>(t("ca.add"), "POST", exercisePath(id, "/corrective-actions"), body);
    void sent.then(() => { setError(null); setDraft(EMPTY); done(); },
      err => {
        const conflict = err instanceof ApiError && err.status === 409;
        setError(conflict ? t("ca.conflict") : failure(err));
        if (conflict) stale();
      });
  };
  const text = (key: "finding" | "action", label: string) => (
    <label>{label} <textarea rows={2} maxLength={2000} value={draft[key]} onInput={e => set({ [key]: (e.target as HTMLTextAreaElement).value })} data-testid={`ca-${key}`} /></label>
  );
  return (
    <form class="panel ca-form" onSubmit={save} aria-labelledby="ca-form-h" data-testid="ca-form">
      <h2 id="ca-form-h">{editing ? t("ca.editing", editing.id) : t("ca.add")}</h2>
      {text("finding", t("ca.finding"))}
      {text("action", t("ca.action"))}
      <div class="filters">
        <label>{t("objective")} <select value={draft.objectiveId} onChange={e => set({ objectiveId: (e.target as HTMLSelectElement).value, taskId: "" })} data-testid="ca-objective">
          <option value="">{t("none")}</option>
          {review.scenario.objectives.map(o => <option key={o.id} value={o.id}>{objectiveLabel(review, o.id)}</option>)}
        </select></label>
        <label>{t("eval.task")} <select value={draft.taskId} onChange={e => set({ taskId: (e.target as HTMLSelectElement).value })} disabled={!objective?.tasks?.length}>
          <option value="">{t("none")}</option>
          {(objective?.tasks ?? []).map(x => <option key={x.id} value={x.id}>{x.id} {loc(x.text)}</option>)}
        </select></label>
        <label>KPI <select value={draft.kpi} onChange={e => set({ kpi: (e.target as HTMLSelectElement).value })} data-testid="ca-kpi">
          <option value="">{t("none")}</option>
          {KPIS.map(k => <option key={k} value={k}>{t(`kpi.kind.${k}` as never)}</option>)}
        </select></label>
        <label>{t("ca.owner")} <select value={draft.ownerOrganizationId} onChange={e => set({ ownerOrganizationId: (e.target as HTMLSelectElement).value })} data-testid="ca-owner">
          <option value="">{t("none")}</option>
          {review.scenario.organizations.map(o => <option key={o.id} value={o.id}>{loc(o.name)}</option>)}
        </select></label>
        <label>{t("ca.due")} <input type="date" value={draft.due} onInput={e => set({ due: (e.target as HTMLInputElement).value })} data-testid="ca-due" /></label>
        <label>{t("status")} <select value={draft.status} onChange={e => set({ status: (e.target as HTMLSelectElement).value as ActionStatus })} data-testid="ca-status">
          {STATUSES.map(s => <option key={s} value={s}>{t(`ca.status.${s}`)}</option>)}
        </select></label>
      </div>
      <div class="buttons">
        <button type="submit" class="primary" disabled={!body.finding || !body.action} data-testid="ca-save">{editing ? t("ca.save") : t("ca.add")}</button>
        {editing ? <button type="button" onClick={done}>{t("cancel")}</button> : null}
      </div>
      <CommandsWaiting waiting={waiting} />
      {error ? <p class="error" role="alert" data-testid="ca-error">{error}</p> : null}
    </form>
  );
}
