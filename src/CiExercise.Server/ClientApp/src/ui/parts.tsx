import { answered, type ExerciseModel, type Delivery } from "../exercise";
import { dictionary, loc, t } from "../i18n";
import type { LiveEvent, Organization, ServiceStatus } from "../model";
import { parseSpan, spanText } from "../time";

export function orgName(model: ExerciseModel, id: string | null | undefined): string {
  if (!id) return "";
  return loc(model.organization(id)?.name) || id;
}

export function objectiveText(model: ExerciseModel, id: string): string {
  const objective = model.objectives.find(o => o.id === id);
  return objective ? `${id} ${loc(objective.text)}` : id;
}

/** A sector's name in the reader's language; a sector this build does not know shows its id. */
export function sectorName(sector: string): string {
  const key = `sector.${sector}`;
  return key in dictionary ? t(key as keyof typeof dictionary) : sector;
}

export function sectorOf(model: ExerciseModel, id: string | null | undefined): string | undefined {
  return id ? model.organization(id)?.sector : undefined;
}

export function injectTitle(model: ExerciseModel, id: string | null | undefined): string {
  if (!id) return "";
  return loc(model.injects.get(id)?.title) || id;
}

/** Where a delivery stands, for the participant and for the control cell alike. */
export function deliveryState(model: ExerciseModel, d: Delivery): "unread" | "acknowledged" | "answered" | "overdue" | "due" {
  if (answered(d)) return "answered";
  if (model.overdue(d)) return "overdue";
  if (d.ackSeq === undefined) return "unread";
  return d.respondBy !== null ? "due" : "acknowledged";
}

export function TimeLeft({ model, d }: { model: ExerciseModel; d: Delivery }) {
  if (d.respondBy === null || answered(d)) return null;
  const left = d.respondBy - model.clock.scenarioNow();
  return <span class={left < 0 ? "left late" : "left"} data-testid="time-left">{left < 0 ? t("overdue") : t("timeLeft", spanText(left))}</span>;
}

/** One line describing an event, in the reader's language. */
export function describe(model: ExerciseModel, e: LiveEvent): string {
  const p = e.payload ?? {};
  switch (e.kind) {
    case "inject-delivered":
    case "inject-acknowledged":
    case "inject-fired":
      return injectTitle(model, e.injectId);
    case "decision-recorded": {
      const choice = model.injects.get(e.injectId ?? "")?.choices.find(c => c.id === p.choiceId);
      return [injectTitle(model, e.injectId), choice ? loc(choice.text) : p.choiceId, p.text].filter(Boolean).join(" — ");
    }
    case "message-sent":
      return `${p.subject} → ${(p.to ?? []).map((o: string) => orgName(model, o)).join(", ")}`;
    case "message-received":
      return `${p.subject} ← ${orgName(model, p.from)}`;
    case "observation-recorded": {
      const o = p.observation ?? {};
      return `${o.rating ? `[${String(o.rating).toUpperCase()}] ` : ""}${o.text ?? ""}`;
    }
    case "speed-changed":
      return `×${p.speed}`;
    case "real-world-halt-declared":
      return p.reason ?? "";
    case "ad-hoc-inject-added":
      return loc(p.inject?.title);
    case "inject-released":
    case "inject-cancelled":
      return [injectTitle(model, e.injectId), p.reason].filter(Boolean).join(" — ");
    case "service-changed":
      return `${loc(model.services.byId.get(p.serviceId)?.service.name) || p.serviceId}: ${t(`svc.${p.from as ServiceStatus}`)} → ${t(`svc.${p.to as ServiceStatus}`)}`;
    case "feed-posted":
      return `${p.post?.outlet ?? ""}: ${p.post?.headline ?? ""}`;
    case "report-submitted":
      return loc(model.injects.get(e.injectId ?? "")?.form?.title) || injectTitle(model, e.injectId);
    default:
      return "";
  }
}

export function EventRow({ model, e }: { model: ExerciseModel; e: LiveEvent }) {
  return (
    <li class={`event ev-${e.kind}`} data-seq={e.seq} data-kind={e.kind}>
      <span class="seq">#{e.seq}</span>
      <span class="time">{spanText(parseSpan(e.scenarioTime))}</span>
      <span class="kind">{t(`kind.${e.kind}` as never) || e.kind}</span>
      <span class="ev-org">{orgName(model, e.organizationId)}</span>
      <span class="what">{describe(model, e)}</span>
      <span class="actor">{e.actorId}</span>
    </li>
  );
}


/**
 * Everyone this organization can share with, in the order it usually would: the body it reports to
 * (the real reporting route) first, then those that report to it, its own sector, then the rest.
 */
export function recipientsFor(model: ExerciseModel, orgId: string): Organization[] {
  const me = model.organization(orgId);
  const rank = (o: Organization) =>
    o.id === me?.reportsTo ? 0 : o.reportsTo === orgId ? 1 : o.sector === me?.sector ? 2 : 3;
  return model.organizations.filter(o => o.id !== orgId).sort((a, b) => rank(a) - rank(b));
}

/** Checkboxes for the organizations a message goes to; the reporting route stands out. */
export function RecipientPicker({ model, orgId, to, setTo, testid }: { model: ExerciseModel; orgId: string; to: string[]; setTo: (to: string[]) => void; testid?: string }) {
  const route = model.organization(orgId)?.reportsTo;
  return (
    <div class="recipients" data-testid={testid}>
      {recipientsFor(model, orgId).map(({ id: o, sector }) => (
        <label key={o} class={o === route ? "check route" : "check"}>
          <input type="checkbox" value={o} checked={to.includes(o)} data-org={o}
            onChange={e => setTo((e.target as HTMLInputElement).checked ? [...to, o] : to.filter(x => x !== o))} />
          <span>{orgName(model, o)} <span class="small">{o === route ? t("reportingRoute") : sectorName(sector)}</span></span>
        </label>
      ))}
    </div>
  );
}
