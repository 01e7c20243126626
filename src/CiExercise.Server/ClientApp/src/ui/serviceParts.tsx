import type { ExerciseModel } from "../exercise";
import { loc, t } from "../i18n";
import type { ServiceStatus, ServiceView } from "../model";
import { parseSpan, spanText } from "../time";
import { orgName } from "./parts";

export function serviceName(model: ExerciseModel, id: string | null | undefined): string {
  if (!id) return "";
  return loc(model.services.byId.get(id)?.service.name) || id;
}

export function StatusPill({ status }: { status: ServiceStatus }) {
  return <span class={`pill svc-${status}`} data-testid="service-status">{t(`svc.${status}`)}</span>;
}

/** Why a service is as it is, and what comes next: back at a time, or down at a time unless its dependency returns. */
export function serviceStory(model: ExerciseModel, v: ServiceView): string {
  const parts: string[] = [];
  if (v.cause) {
    const cause = v.cause === "cascade" ? t("svc.cause.cascade", serviceName(model, v.causeServiceId)) : t(`svc.cause.${v.cause}`);
    parts.push(`${t("svc.since", spanText(parseSpan(v.since)))} · ${cause}`);
  }
  if (v.upAt) parts.push(t("svc.upAt", spanText(parseSpan(v.upAt))));
  if (v.failsAt) parts.push(t("svc.failsAt", spanText(parseSpan(v.failsAt))));
  return parts.join(" · ");
}

/** A dependency with its tolerance ("runs 02:00 without it"). */
export function dependencyText(model: ExerciseModel, serviceId: string, tolerance: string): string {
  const dep = model.services.byId.get(serviceId);
  const owner = dep ? ` (${orgName(model, dep.service.organizationId)})` : "";
  return `${serviceName(model, serviceId)}${owner} — ${parseSpan(tolerance) === 0 ? t("svc.noTolerance") : t("svc.tolerance", spanText(parseSpan(tolerance)))}`;
}
