import { useEffect, useRef, useState } from "preact/hooks";
import { get } from "../api";
import { loc, t } from "../i18n";
import { parseSpan, spanText } from "../time";
import { EVENT_KINDS } from "../ui/Feed";
import { sectorName } from "../ui/parts";
import { VirtualList } from "../ui/VirtualList";
import { BandStrip, type TimeAxis } from "./Bands";
import { injectLabel, objectiveLabel, orgLabel, reviewPath, spanQuery, wall } from "./names";
import type { ExerciseReview, TimelineEntry, TimelinePage } from "./types";

/** Rows per request: the log of a national exercise is read a page at a time as the reader scrolls. */
const PAGE = 200;
const ROW = 26;

interface Filter { organization: string; sector: string; role: string; inject: string; objective: string; kind: string; from: string; to: string }
const NONE: Filter = { organization: "", sector: "", role: "", inject: "", objective: "", kind: "", from: "", to: "" };

/**
 * The merged timeline, filtered on the server and read page by page (after the last seq held) while the reader
 * scrolls; only the rows on screen are drawn. Above it the controller's pauses, speeds, jumps and halts.
 */
export function Timeline({ id, review }: { id: string; review: ExerciseReview }) {
  const [filter, setFilter] = useState<Filter>(NONE);
  const [axis, setAxis] = useState<TimeAxis>("scenario");
  const [rows, setRows] = useState<TimelineEntry[]>([]);
  const [next, setNext] = useState<number | null>(0);
  const [matched, setMatched] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const query = queryOf(filter);
  const round = useRef({ query, loading: false });

  const read = (after: number) => {
    const asked = round.current;
    if (asked.loading) return;
    asked.loading = true;
    get<TimelinePage>(`${reviewPath(id, "/timeline")}?${query}${query ? "&" : ""}after=${after}&limit=${PAGE}`)
      .then(page => {
        if (round.current !== asked) return;
        setRows(held => [...held, ...page.entries]);
        setNext(page.nextAfterSeq ?? null);
        setMatched(page.matched);
        setError(null);
      }, e => { if (round.current === asked) setError((e as Error).message); })
      .finally(() => { asked.loading = false; });
  };
  useEffect(() => {
    round.current = { query, loading: false };
    setRows([]);
    setNext(0);
    setMatched(null);
    read(0);
  }, [query]);
  const more = () => { if (next !== null && rows.length) read(next); };

  const set = (patch: Partial<Filter>) => setFilter(f => ({ ...f, ...patch }));
  const s = review.scenario;
  const roles = [...new Set(s.organizations.flatMap(o => o.roles))];
  const select = (key: keyof Filter, label: string, options: [string, string][]) => (
    <label>{label} <select value={filter[key]} onChange={e => set({ [key]: (e.target as HTMLSelectElement).value })} data-testid={`tl-${key}`}>
      <option value="">{t("all")}</option>
      {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
    </select></label>
  );
  const time = (key: "from" | "to", label: string) => (
    <label>{label} <input value={filter[key]} placeholder="hh:mm:ss" size={8} pattern="\d{1,3}:\d{2}(:\d{2})?" data-testid={`tl-${key}`}
      onChange={e => set({ [key]: (e.target as HTMLInputElement).value.trim() })} /></label>
  );
  return (
    <section class="panel" aria-labelledby="tl-h">
      <h2 id="tl-h">{t("review.timeline")}</h2>
      <BandStrip review={review} axis={axis} pick={b => set({ from: spanText(parseSpan(b.scenarioFrom)), to: b.scenarioTo ? spanText(parseSpan(b.scenarioTo)) : "" })} />
      <div class="filters" role="search">
        {select("organization", t("organization"), s.organizations.map(o => [o.id, loc(o.name)]))}
        {select("sector", t("sector"), [...new Set(s.organizations.map(o => o.sector))].map(x => [x, sectorName(x)]))}
        {select("role", t("role"), roles.map(r => [r, r]))}
        {select("inject", t("inject"), s.injects.map(i => [i.id, injectLabel(review, i.id)]))}
        {select("objective", t("objective"), s.objectives.map(o => [o.id, objectiveLabel(review, o.id)]))}
        {select("kind", t("kind"), EVENT_KINDS.map(k => [k, t(`kind.${k}` as never)]))}
        {time("from", t("timeline.from"))}
        {time("to", t("timeline.to"))}
        <button type="button" onClick={() => setFilter(NONE)} data-testid="tl-clear">{t("timeline.clear")}</button>
        <fieldset class="row axis" data-testid="tl-axis">
          <legend class="small">{t("timeline.axis")}</legend>
          <label class="check"><input type="radio" name="tl-axis" checked={axis === "scenario"} onChange={() => setAxis("scenario")} data-testid="tl-scenario" />{t("scenarioTime")}</label>
          <label class="check"><input type="radio" name="tl-axis" checked={axis === "wall"} onChange={() => setAxis("wall")} data-testid="tl-wall" />{t("wallTime")}</label>
        </fieldset>
      </div>
      {error ? <p class="error" role="alert">{error}</p> : null}
      <p class="small" data-testid="tl-matched" data-matched={matched ?? ""} data-held={rows.length}>
        {matched === null ? t("loading") : t("timeline.held", rows.length, matched)}
        {next !== null && rows.length ? <> <button type="button" class="link" onClick={more} data-testid="tl-more">{t("timeline.more")}</button></> : null}
      </p>
      {matched === 0 ? <p class="empty">{t("noEvents")}</p> : null}
      <VirtualList items={rows} rowHeight={ROW} height={480} testid="tl-rows" className="timeline-rows" onEnd={more}
        row={e => <TimelineRow review={review} e={e} axis={axis} />} />
    </section>
  );
}

function TimelineRow({ review, e, axis }: { review: ExerciseReview; e: TimelineEntry; axis: TimeAxis }) {
  return (
    <div class={`event ev-${e.kind}`} data-seq={e.seq} data-kind={e.kind} data-org={e.organizationId ?? ""}>
      <span class="seq">#{e.seq}</span>
      <span class="time">{axis === "scenario" ? spanText(parseSpan(e.scenarioTime)) : wall(e.wallTime)}</span>
      <span class="kind">{t(`kind.${e.kind}` as never) || e.kind}</span>
      <span class="ev-org">{orgLabel(review, e.organizationId)}</span>
      <span class="what" title={loc(e.summary)}>{loc(e.summary)}</span>
      <span class="actor">{e.actorRole ? `${e.actorId} (${e.actorRole})` : e.actorId}</span>
    </div>
  );
}

/** The filter as the endpoint's query: each set filter once, times only when they read as hh:mm[:ss]. */
function queryOf(f: Filter): string {
  const q = new URLSearchParams();
  for (const key of ["organization", "sector", "role", "inject", "objective", "kind"] as const) if (f[key]) q.append(key, f[key]);
  for (const key of ["from", "to"] as const) {
    const m = /^(\d{1,3}):(\d{2})(?::(\d{2}))?$/.exec(f[key]);
    if (m) q.append(key, spanQuery(((+m[1] * 60 + +m[2]) * 60 + +(m[3] ?? 0)) * 1000));
  }
  return q.toString();
}
