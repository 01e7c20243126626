import { useEffect } from "preact/hooks";
import type { ExerciseModel } from "../exercise";
import { loc, t } from "../i18n";
import { orgName } from "../ui/parts";
import { StatusPill, dependencyText, serviceStory } from "../ui/serviceParts";

/**
 * A participant's services and those they depend on, live: each with its state, since when and why, and for
 * a dependency that is down, when its own service follows unless it comes back. Nothing when the scenario
 * declares no services for this organization.
 */
export function ServicesPanel({ model, orgId }: { model: ExerciseModel; orgId: string }) {
  useEffect(() => model.services.want(), [model]);
  const all = model.services.list;
  if (!all.length) return null;
  const own = all.filter(v => v.service.organizationId === orgId);
  const others = all.filter(v => v.service.organizationId !== orgId);
  const row = (v: (typeof all)[number]) => (
    <li key={v.service.id} class={`service svc-row-${v.status}`} data-service={v.service.id} data-status={v.status}>
      <span class="svc-name"><strong>{loc(v.service.name)}</strong> <span class="small">{orgName(model, v.service.organizationId)}</span></span>
      <StatusPill status={v.status} />
      <span class="small svc-story">{serviceStory(model, v)}</span>
      {v.service.dependsOn.length ? (
        <span class="small svc-deps">{t("svc.dependsOn")}: {v.service.dependsOn.map(d => dependencyText(model, d.serviceId, d.tolerance)).join("; ")}</span>
      ) : null}
    </li>
  );
  return (
    <section class="panel services" aria-labelledby="services-h" data-testid="services">
      <h2 id="services-h">{t("svc.ours")}</h2>
      <ul class="service-list" data-testid="own-services">{own.map(row)}</ul>
      {others.length ? (
        <>
          <h3>{t("svc.theirs")}</h3>
          <ul class="service-list" data-testid="dependency-services">{others.map(row)}</ul>
        </>
      ) : null}
    </section>
  );
}
