import { useState } from "preact/hooks";
import type { ExerciseModel } from "../exercise";
import { loc, t } from "../i18n";
import type { LiveEvent } from "../model";
import { orgMatches } from "./filters";
import { EventRow, describe, objectiveText, sectorName, sectorOf } from "./parts";
import { useWindow } from "./VirtualList";

/** Every event kind a reader can filter by, in the order the exercise usually produces them. */
export const EVENT_KINDS = [
  "inject-fired", "inject-delivered", "inject-acknowledged", "decision-recorded", "message-sent", "message-received",
  "observation-recorded", "exercise-started", "exercise-paused", "exercise-resumed", "speed-changed", "clock-jumped",
  "exercise-ended", "real-world-halt-declared", "real-world-halt-lifted", "ad-hoc-inject-added",
  "communication-check-started", "communication-check-received", "communication-check-acknowledged",
  "communication-check-passed-on", "communication-check-closed", "task-rated", "participant-joined", "hot-wash-submitted",
  "inject-released", "inject-cancelled", "service-changed", "feed-posted", "report-submitted",
];

/**
 * The live feed, newest first, searchable (organization name or id, or what the event says) and filterable by
 * organization, sector, objective and event kind; only the rows on screen are rendered, so it keeps every event.
 */
export function Feed({ model, filterRef }: { model: ExerciseModel; filterRef?: preact.RefObject<HTMLSelectElement> }) {
  const [org, setOrg] = useState("");
  const [sector, setSector] = useState("");
  const [objective, setObjective] = useState("");
  const [kind, setKind] = useState("");
  const [text, setText] = useState("");
  const orgs = model.organizations;
  const sectors = [...new Set(orgs.map(o => o.sector))];
  const about = (e: LiveEvent, objectiveId: string) =>
    (e.injectId && model.injects.get(e.injectId)?.objectives.includes(objectiveId))
    || (e.payload?.observation?.objectiveIds ?? []).includes(objectiveId);
  const shown = model.events.filter(e =>
    (!org || e.organizationId === org)
    && (!sector || sectorOf(model, e.organizationId) === sector)
    && (!objective || about(e, objective))
    && (!kind || e.kind === kind)
    && (!text || (e.organizationId && orgMatches(model, e.organizationId, text)) || describe(model, e).toLowerCase().includes(text.trim().toLowerCase())))
    .reverse();
  const w = useWindow(shown.length, 26, 420);
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
        <label>{t("search")} <input type="search" value={text} placeholder={t("searchOrg")} onInput={e => setText((e.target as HTMLInputElement).value)} data-testid="feed-search" /></label>
        {select(t("organization"), org, setOrg, orgs.map(o => [o.id, loc(o.name)]), filterRef, "filter-org")}
        {select(t("sector"), sector, setSector, sectors.map(s => [s, sectorName(s)]), undefined, "filter-sector")}
        {select(t("objective"), objective, setObjective, model.objectives.map(o => [o.id, objectiveText(model, o.id)]), undefined, "filter-objective")}
        {select(t("kind"), kind, setKind, EVENT_KINDS.map(k => [k, t(`kind.${k}` as never)]), undefined, "filter-kind")}
      </div>
      {shown.length === 0 ? <p class="empty">{t("noEvents")}</p> : null}
      <ol class="events windowed" data-testid="feed" data-count={shown.length} onScroll={w.onScroll}>
        <li aria-hidden="true" style={{ height: `${w.padTop}px` }} />
        {shown.slice(w.start, w.end).map(e => <EventRow key={e.seq} model={model} e={e} />)}
        <li aria-hidden="true" style={{ height: `${w.padBottom}px` }} />
      </ol>
    </section>
  );
}
