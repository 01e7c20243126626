import { useState } from "preact/hooks";
import type { ExerciseModel } from "../exercise";
import { loc, t } from "../i18n";
import type { Condition, ConditionProgress } from "../model";
import { parseSpan, spanText } from "../time";
import { injectTitle, orgName, sectorName } from "./parts";
import { serviceName } from "./serviceParts";

export type HoldAction = (injectId: string, action: "release" | "cancel", reason: string) => Promise<boolean>;

/** Who a condition counts, in words. */
function scopeText(model: ExerciseModel, c: Condition): string {
  const by = c.by;
  if (!by) return "";
  const who = by.organizationId ? orgName(model, by.organizationId) : by.sector ? sectorName(by.sector) : "";
  const share = by.share != null && by.share < 1 ? ` ${Math.round(by.share * 100)}%` : "";
  return who || share ? ` — ${t("hold.by")} ${who}${share}` : "";
}

/** A condition in words, from the scenario alone (the server's summary says the same with the counts). */
export function conditionText(model: ExerciseModel, c: Condition): string {
  const inject = c.injectId ? `“${injectTitle(model, c.injectId)}”` : "";
  const choice = c.choiceId ? ` “${loc(model.injects.get(c.injectId ?? "")?.choices.find(x => x.id === c.choiceId)?.text) || c.choiceId}”` : "";
  const at = c.at ? spanText(parseSpan(c.at)) : "";
  switch (c.kind) {
    case "all-of": return t("hold.allOf");
    case "any-of": return t("hold.anyOf");
    case "decision": return t("hold.decision", inject, choice) + scopeText(model, c);
    case "not-acknowledged": return t("hold.notAcknowledged", inject, at) + scopeText(model, c);
    case "message": return t("hold.message", orgName(model, c.to), inject) + scopeText(model, c);
    case "delivered": return t("hold.delivered", inject);
    case "service": return t("hold.service", serviceName(model, c.serviceId), c.state ? t(`svc.${c.state}`) : "");
    case "severity": return t("hold.severity", inject, c.atLeast ?? 0) + scopeText(model, c);
    case "statement": return t("hold.statement") + scopeText(model, c);
    case "report": return t("hold.report", inject) + scopeText(model, c);
  }
}

/** The scenario's condition as a tree without progress, for a view that has none (staff before the first read). */
function bare(c: Condition): ConditionProgress {
  return { condition: c, met: false, count: 0, needed: 0, summary: "", parts: (c.of ?? []).map(bare) };
}

/**
 * One condition and its parts, each marked met or waiting: in the reader's language from the scenario, then the
 * engine's own words (in English, with who has acted so far) and the count.
 */
function Tree({ model, p }: { model: ExerciseModel; p: ConditionProgress }) {
  return (
    <li class={p.met ? "met" : "waiting"} data-kind={p.condition.kind} data-met={p.met}>
      <span class="tick" aria-hidden="true">{p.met ? "✓" : "○"}</span>{" "}
      <span class="condition">{conditionText(model, p.condition)}</span>
      {p.summary ? <span class="small summary" lang="en"> — {p.summary}</span> : null}
      {p.needed > 1 && !p.met ? <> <meter min={0} max={p.needed} value={p.count} /> <span class="small" data-testid="hold-count">{p.count}/{p.needed}</span></> : null}
      {p.met && p.metAt ? <span class="small"> {t("hold.metAt", spanText(parseSpan(p.metAt)))}{p.metSeq ? ` (#${p.metSeq})` : ""}</span> : null}
      {!p.met ? <span class="sr-only">{t("hold.waitingFor")}</span> : null}
      {p.parts.length ? <ul>{p.parts.map((part, i) => <Tree key={i} model={model} p={part} />)}</ul> : null}
    </li>
  );
}

/**
 * Why a conditional inject waits, or what became of it: what it waits for (and what would cancel it) with each
 * condition's progress, its delay and deadline, and once released or cancelled when it is due or why. A controller
 * can release it (it fires now) or cancel it, with a reason for the record.
 */
export function HoldPanel({ model, injectId, act }: { model: ExerciseModel; injectId: string; act?: HoldAction }) {
  const state = model.views.get(injectId);
  const hold = state?.hold;
  const scripted = model.injects.get(injectId)?.hold;
  const [reason, setReason] = useState("");
  if (!hold && !scripted) return null;
  const status = model.injectStatus(injectId);
  const when = hold?.when ?? (scripted?.when ? bare(scripted.when) : null);
  const unless = hold?.unless ?? (scripted?.unless ? bare(scripted.unless) : null);
  const released = model.releases.get(injectId)?.payload;
  const cancelled = model.cancels.get(injectId)?.payload;
  const why = cancelled?.reason ?? released?.reason ?? hold?.reason;
  const dueAt = released?.dueAt ?? hold?.dueAt;
  const delay = hold?.delay ?? scripted?.delay;
  const deadline = hold?.deadline ?? scripted?.deadline;
  const open = status === "held" || status === "pending" || status === "released";
  const press = (action: "release" | "cancel") => act?.(injectId, action, reason.trim()).then(ok => ok && setReason(""));
  return (
    <div class="hold" data-testid="hold" data-status={status}>
      <h4>{t(`hold.status.${status}`)}</h4>
      {why ? <p data-testid="hold-reason"><strong>{t("reason")}:</strong> {why}</p> : null}
      {dueAt && status === "released" ? <p>{t("hold.dueAt", spanText(parseSpan(dueAt)))}</p> : null}
      {when ? <><p class="small">{t("hold.when")}</p><ul class="conditions" data-testid="hold-when"><Tree model={model} p={when} /></ul></> : null}
      {unless ? <><p class="small">{t("hold.unless")}</p><ul class="conditions" data-testid="hold-unless"><Tree model={model} p={unless} /></ul></> : null}
      <p class="small">
        {delay && parseSpan(delay) ? `${t("hold.delay", spanText(parseSpan(delay)))} ` : ""}
        {deadline ? t("hold.deadline", spanText(parseSpan(deadline))) : ""}
      </p>
      {act && open ? (
        <form class="inline hold-actions" onSubmit={e => e.preventDefault()}>
          <label>{t("reason")} <input value={reason} maxLength={500} onInput={e => setReason((e.target as HTMLInputElement).value)} data-testid="hold-action-reason" /></label>
          {status !== "released" ? <button type="button" class="primary" disabled={!reason.trim()} onClick={() => press("release")} data-testid="hold-release">{t("hold.release")}</button> : null}
          <button type="button" class="danger" disabled={!reason.trim()} onClick={() => press("cancel")} data-testid="hold-cancel">{t("hold.cancel")}</button>
        </form>
      ) : null}
    </div>
  );
}
