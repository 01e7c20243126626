import { useState } from "preact/hooks";
import { get } from "../api";
import { loc, t } from "../i18n";
import { sectorName } from "../ui/parts";
import { ChartView, PALETTE } from "./Chart";
import { orgLabel, percent, span } from "./names";
import type { ExerciseReview, Rating, ResponseFigures, TrendReport } from "./types";
import { useLoad } from "./useLoad";

/** A rating drawn as a height: P at the top, U at the bottom. */
const SCORE: Record<Rating, number> = { p: 3, s: 2, m: 1, u: 0 };
const RATING_AXIS = ["U", "M", "S", "P"];

/**
 * For controllers: the same capabilities and organizations across exercises, oldest first — each capability's
 * rating, and the response figures per organization (or sector) — narrowed to one organization, sector or capability.
 */
export function Trends({ review }: { review: ExerciseReview }) {
  const [organization, setOrganization] = useState("");
  const [sector, setSector] = useState("");
  const [capability, setCapability] = useState("");
  const q = new URLSearchParams();
  if (organization) q.set("organization", organization);
  if (sector) q.set("sector", sector);
  if (capability) q.set("capability", capability);
  const query = q.toString();
  const trends = useLoad(() => get<TrendReport>(`/api/improvement/trends${query ? `?${query}` : ""}`), query);
  const list = trends.data?.exercises ?? [];
  const capabilities = [...new Set(list.flatMap(x => x.objectives.map(o => o.capability)))];
  const sectors = [...new Set(review.scenario.organizations.map(o => o.sector))];
  const figures = (x: (typeof list)[number]): ResponseFigures[] => (organization ? x.organizations : x.sectors);
  const keys = [...new Set(list.flatMap(x => figures(x).map(f => f.key)))];
  const keyName = (key: string) => (organization ? orgLabel(review, key) : sectorName(key));
  const labels = list.map(x => x.name);
  return (
    <section class="panel trends" aria-labelledby="trend-h" data-testid="trends" data-exercises={list.length}>
      <h2 id="trend-h">{t("trend.title")}</h2>
      <div class="filters">
        <label>{t("organization")} <select value={organization} onChange={e => setOrganization((e.target as HTMLSelectElement).value)} data-testid="trend-org">
          <option value="">{t("all")}</option>
          {review.scenario.organizations.map(o => <option key={o.id} value={o.id}>{loc(o.name)}</option>)}
        </select></label>
        <label>{t("sector")} <select value={sector} onChange={e => setSector((e.target as HTMLSelectElement).value)}>
          <option value="">{t("all")}</option>
          {sectors.map(s => <option key={s} value={s}>{sectorName(s)}</option>)}
        </select></label>
        <label>{t("trend.capability")} <select value={capability} onChange={e => setCapability((e.target as HTMLSelectElement).value)}>
          <option value="">{t("all")}</option>
          {[...new Set([...capabilities, ...review.scenario.objectives.map(o => o.capability)])].map(c => <option key={c} value={c}>{c}</option>)}
        </select></label>
      </div>
      {trends.error ? <p class="error" role="alert">{trends.error}</p> : null}
      <div class="charts">
        <ChartView testid="chart-trend-ratings" label={t("trend.ratings")} config={{
          type: "line",
          data: { labels, datasets: capabilities.map((c, n) => ({
            label: c, spanGaps: true, borderColor: PALETTE[n % PALETTE.length], backgroundColor: PALETTE[n % PALETTE.length],
            data: list.map(x => {
              const rated = x.objectives.filter(o => o.capability === c && o.rating).map(o => SCORE[o.rating!]);
              return rated.length ? Math.min(...rated) : null;
            }),
          })) },
          options: { scales: { y: { min: 0, max: 3, ticks: { stepSize: 1, callback: v => RATING_AXIS[Number(v)] ?? "" } } } },
        }} />
        <ChartView testid="chart-trend-figures" label={t("trend.insideWindow")} config={{
          type: "line",
          data: { labels, datasets: keys.slice(0, PALETTE.length).map((k, n) => ({
            label: keyName(k), spanGaps: true, borderColor: PALETTE[n], backgroundColor: PALETTE[n],
            data: list.map(x => {
              const f = figures(x).find(y => y.key === k);
              return f && f.withWindow ? Math.round((f.insideWindow / f.withWindow) * 100) : null;
            }),
          })) },
          options: { scales: { y: { min: 0, max: 100, title: { display: true, text: "%" } } } },
        }} />
      </div>
      <table class="compact" data-testid="trend-table">
        <thead><tr><th>{t("trend.exercise")}</th><th>{t("trend.ratings")}</th><th>{organization ? t("organization") : t("sector")}</th>
          <th>{t("kpi.insideWindow")}</th><th>{t("kpi.medianAck")}</th><th>{t("kpi.medianDecision")}</th></tr></thead>
        <tbody>{list.flatMap(x => {
          const rows = figures(x);
          const ratings = x.objectives.map(o => `${o.capability}: ${o.rating ? o.rating.toUpperCase() : "—"}`).join(", ");
          return (rows.length ? rows : [null]).map((f, i) => (
            <tr key={`${x.exerciseId}-${f?.key ?? ""}`} data-exercise={x.exerciseId}>
              <td>{i === 0 ? x.name : ""}</td><td>{i === 0 ? ratings : ""}</td><td>{f ? keyName(f.key) : ""}</td>
              <td>{f && f.withWindow ? percent(f.insideWindow / f.withWindow) : "—"}</td>
              <td>{span(f?.medianAcknowledge)}</td><td>{span(f?.medianFirstDecision)}</td>
            </tr>
          ));
        })}</tbody>
      </table>
    </section>
  );
}
