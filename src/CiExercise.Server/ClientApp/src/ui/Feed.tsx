import { useState } from "preact/hooks";
import type { ExerciseModel } from "../exercise";
import { loc, t } from "../i18n";
import type { LiveEvent } from "../model";
import { EventRow, objectiveText, sectorName, sectorOf } from "./parts";

const KINDS = [
  "inject-fired", "inject-delivered", "inject-acknowledged", "decision-recorded", "message-sent", "message-received",
  "observation-recorded", "exercise-started", "exercise-paused", "exercise-resumed", "speed-changed", "clock-jumped",
  "exercise-ended", "real-world-halt-declared", "real-world-halt-lifted", "ad-hoc-inject-added",
];

/** The live feed, newest first, filterable by organization, sector, objective and event kind. */
export function Feed({ model, filterRef }: { model: ExerciseModel; filterRef?: preact.RefObject<HTMLSelectElement> }) {
  const [org, setOrg] = useState("");
  const [sector, setSector] = useState("");
  const [objective, setObjective] = useState("");
  const [kind, setKind] = useState("");
  const orgs = model.organizations;
  const sectors = [...new Set(orgs.map(o => o.sector))];
  const about = (e: LiveEvent, objectiveId: string) =>
    (e.injectId && model.injects.get(e.injectId)?.objectives.includes(objectiveId))
    || (e.payload?.observation?.objectiveIds ?? []).includes(objectiveId);
  const shown = model.feed.events.filter(e =>
    (!org || e.organizationId === org)
    && (!sector || sectorOf(model, e.organizationId) === sector)
    && (!objective || about(e, objective))
    && (!kind || e.kind === kind)).slice(-300).reverse();
  const select = (label: string, value: string, set: (v: string) => void, options: [string, string][], ref?: preact.RefObject<HTMLSelectElement>, testid?: string) => (
    <label>{label} <select ref={ref} value={value} onChange={e => set((e.target as HTMLSelectElement).value)} data-testid={testid}>
      <option value="">{t("all")}</option>
      {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
    </select></label>
  );
  return (
    <section class="panel feed" aria-labelledby="feed-h">
      <h2 id="feed-h">{t("feed")}</h2>
      <div class="filters">
        {select(t("organization"), org, setOrg, orgs.map(o => [o.id, loc(o.name)]), filterRef, "filter-org")}
        {select(t("sector"), sector, setSector, sectors.map(s => [s, sectorName(s)]), undefined, "filter-sector")}
        {select(t("objective"), objective, setObjective, model.objectives.map(o => [o.id, objectiveText(model, o.id)]), undefined, "filter-objective")}
        {select(t("kind"), kind, setKind, KINDS.map(k => [k, t(`kind.${k}` as never)]), undefined, "filter-kind")}
      </div>
      {shown.length === 0 ? <p class="empty">{t("noEvents")}</p> : null}
      <ol class="events" data-testid="feed">{shown.map(e => <EventRow key={e.seq} model={model} e={e} />)}</ol>
    </section>
  );
}
