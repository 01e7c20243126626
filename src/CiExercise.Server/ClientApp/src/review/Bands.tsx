import { t } from "../i18n";
import { parseSpan } from "../time";
import { span, wall } from "./names";
import type { BandKind, ClockBand, ExerciseReview } from "./types";

export type TimeAxis = "scenario" | "wall";

const LANES: BandKind[] = ["halted", "paused", "speed", "jump"];

/**
 * The controller's hand on the clock as bands on a strip over the whole exercise, one lane per kind. On the
 * scenario axis a pause has no width (story time stood still) and a jump has; on the wall axis the reverse,
 * so each shows as a thin mark where it took no time. Choosing a band narrows the timeline to its stretch.
 */
export function BandStrip({ review, axis, pick }: { review: ExerciseReview; axis: TimeAxis; pick: (band: ClockBand) => void }) {
  const scale = axisOf(review, axis);
  const bands = review.bands;
  return (
    <figure class="band-strip" data-testid="bands" data-count={bands.length} data-axis={axis}>
      <figcaption class="small">{t("bands.caption")}</figcaption>
      {LANES.map(lane => (
        <div key={lane} class="band-lane">
          <span class="band-label small">{t(`bands.${lane}`)}</span>
          <div class="band-track">
            {bands.filter(b => b.kind === lane).map(b => {
              const [from, to] = scale.range(b);
              const left = scale.at(from), width = Math.max(scale.at(to) - left, 0.4);
              return (
                <button key={b.seq} type="button" class={`band band-${b.kind}`} data-kind={b.kind} data-seq={b.seq}
                  style={{ left: `${left}%`, width: `${width}%` }} title={describe(b)} aria-label={describe(b)} onClick={() => pick(b)}>
                  {b.kind === "speed" && width > 6 ? `×${b.speed}` : ""}
                </button>
              );
            })}
          </div>
        </div>
      ))}
      <div class="band-axis small"><span>{scale.first}</span><span>{scale.last}</span></div>
    </figure>
  );
}

function describe(b: ClockBand): string {
  const what = b.kind === "speed" ? `${t("bands.speed")} ×${b.speed}` : t(`bands.${b.kind}`);
  const story = `${span(b.scenarioFrom)}–${b.scenarioTo ? span(b.scenarioTo) : "…"}`;
  const real = `${wall(b.wallFrom)}–${b.wallTo ? wall(b.wallTo) : "…"}`;
  return [what, `${t("scenarioTime")} ${story}`, `${t("wallTime")} ${real}`, b.reason, b.actorId].filter(Boolean).join(" · ");
}

/** Where a band lies along the chosen axis, in percent of the whole exercise. */
function axisOf(review: ExerciseReview, axis: TimeAxis) {
  if (axis === "scenario") {
    const end = Math.max(parseSpan(review.scenarioEnd), 1);
    return {
      range: (b: ClockBand): [number, number] => [parseSpan(b.scenarioFrom), b.scenarioTo ? parseSpan(b.scenarioTo) : end],
      at: (ms: number) => Math.min(100, Math.max(0, (ms / end) * 100)),
      first: span("00:00:00"), last: span(review.scenarioEnd),
    };
  }
  const start = Date.parse(review.startedAt ?? review.bands[0]?.wallFrom ?? new Date().toISOString());
  const ends = review.bands.map(b => Date.parse(b.wallTo ?? b.wallFrom));
  const end = Math.max(review.endedAt ? Date.parse(review.endedAt) : Math.max(start, ...ends), start + 1);
  return {
    range: (b: ClockBand): [number, number] => [Date.parse(b.wallFrom), b.wallTo ? Date.parse(b.wallTo) : end],
    at: (ms: number) => Math.min(100, Math.max(0, ((ms - start) / (end - start)) * 100)),
    first: wall(new Date(start).toISOString()), last: wall(new Date(end).toISOString()),
  };
}
