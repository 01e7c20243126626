import { useState } from "preact/hooks";
import { t } from "../i18n";
import { parseSpan } from "../time";
import { sectorName } from "../ui/parts";
import { VirtualList } from "../ui/VirtualList";
import { ChartView, PALETTE } from "./Chart";
import { injectLabel, orgLabel, percent, span } from "./names";
import type { ExerciseReview, ReportingChain, ResponseFigures, StageKind } from "./types";

const STAGES: StageKind[] = ["ministry", "national-centre", "ceptoar", "other-sector"];
/** Chains drawn at once: a national exercise has one per incident inject and origin; the rest on request. */
const CHAINS_SHOWN = 40;

/** Every figure of the review: charts first, then the tables they come from. */
export function Kpis({ review }: { review: ExerciseReview }) {
  const k = review.kpis;
  return (
    <div class="kpis">
      <div class="charts">
        <ResponseTimes review={review} />
        <Spread review={review} />
        <Reachability review={review} />
      </div>
      <section class="panel" aria-labelledby="kpi-fig-h">
        <h2 id="kpi-fig-h">{t("kpi.figures")}</h2>
        <h3>{t("kpi.exercise")}</h3>
        <FiguresTable rows={[k.exercise]} name={() => t("kpi.exercise")} testid="kpi-exercise" />
        <h3>{t("kpi.bySector")}</h3>
        <FiguresTable rows={k.sectors} name={sectorName} testid="kpi-sectors" />
        <h3>{t("kpi.byRole")}</h3>
        <table class="compact" data-testid="kpi-roles">
          <thead><tr><th>{t("role")}</th><th>{t("delivered")}</th><th>{t("acknowledged")}</th><th>{t("answered")}</th><th>{t("kpi.insideWindow")}</th></tr></thead>
          <tbody>{k.exercise.byRole.map(r => (
            <tr key={r.role}><td>{r.role}</td><td>{r.delivered}</td><td>{r.acknowledged}</td><td>{r.answered}</td>
              <td>{r.withWindow ? `${r.insideWindow}/${r.withWindow}` : "—"}</td></tr>
          ))}</tbody>
        </table>
        <h3>{t("kpi.byOrganization")}</h3>
        <OrganizationFigures review={review} />
      </section>
      <Escalation review={review} />
      <Chains review={review} />
      <Severity review={review} />
    </div>
  );
}

const FIGURE_HEADS = ["delivered", "acknowledged", "answered", "kpi.insideWindow", "overdue", "kpi.unanswered", "kpi.medianAck", "kpi.p90Ack", "kpi.medianDecision", "kpi.p90Decision"] as const;

function figureCells(f: ResponseFigures): string[] {
  return [
    String(f.delivered), String(f.acknowledged), String(f.answered),
    f.withWindow ? `${f.insideWindow}/${f.withWindow} (${percent(f.insideWindow / f.withWindow)})` : "—",
    String(f.overdue), String(f.unanswered),
    span(f.medianAcknowledge), span(f.p90Acknowledge), span(f.medianFirstDecision), span(f.p90FirstDecision),
  ];
}

function FiguresTable({ rows, name, testid }: { rows: ResponseFigures[]; name: (key: string) => string; testid: string }) {
  return (
    <div class="scroll-x">
      <table class="compact figures" data-testid={testid}>
        <thead><tr><th />{FIGURE_HEADS.map(h => <th key={h}>{t(h)}</th>)}</tr></thead>
        <tbody>{rows.map(f => <tr key={f.key} data-key={f.key}><th>{name(f.key)}</th>{figureCells(f).map((c, i) => <td key={i}>{c}</td>)}</tr>)}</tbody>
      </table>
    </div>
  );
}

/** One row per organization, windowed: 850 of them cost the rows on screen. */
function OrganizationFigures({ review }: { review: ExerciseReview }) {
  const rows = review.kpis.organizations;
  return (
    <>
      <div class="grid-row grid-head figures-row" aria-hidden="true"><span>{t("organization")}</span>{FIGURE_HEADS.map(h => <span key={h}>{t(h)}</span>)}</div>
      <VirtualList items={rows} rowHeight={28} height={300} testid="kpi-organizations" row={f => (
        <div class="grid-row figures-row" data-key={f.key}><strong>{orgLabel(review, f.key)}</strong>{figureCells(f).map((c, i) => <span key={i}>{c}</span>)}</div>
      )} />
    </>
  );
}

/** How long acknowledgements and first decisions took, counted in bins of story minutes. */
function ResponseTimes({ review }: { review: ExerciseReview }) {
  const minutes = (list: (string | undefined)[]) => list.filter((x): x is string => !!x).map(x => parseSpan(x) / 60000);
  const ack = minutes(review.kpis.responses.map(r => r.acknowledge?.scenario));
  const decide = minutes(review.kpis.responses.map(r => r.firstDecision?.scenario));
  const max = Math.max(1, ...ack, ...decide);
  const width = niceBin(max);
  const bins = Math.min(24, Math.floor(max / width) + 1);
  const count = (xs: number[]) => Array.from({ length: bins }, (_, i) => xs.filter(x => Math.min(bins - 1, Math.floor(x / width)) === i).length);
  const labels = Array.from({ length: bins }, (_, i) => `${i * width}–${(i + 1) * width}`);
  return (
    <ChartView testid="chart-response" label={t("kpi.chartResponse")} config={{
      type: "bar",
      data: { labels, datasets: [
        { label: t("kpi.acknowledge"), data: count(ack), backgroundColor: PALETTE[0] },
        { label: t("kpi.firstDecision"), data: count(decide), backgroundColor: PALETTE[1] },
      ] },
      options: { scales: { x: { title: { display: true, text: t("kpi.minutes") } }, y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: t("kpi.responses") } } } },
    }} />
  );
}

/** A bin width in minutes that gives at most about a dozen bins: 1, 2, 5, 10, 15, 30, 60, ... */
function niceBin(max: number): number {
  for (const w of [1, 2, 5, 10, 15, 30, 60, 120, 240]) if (max / w <= 12) return w;
  return 480;
}

/** How an incident report spread across sectors after its delivery: sectors reached over story minutes. */
function Spread({ review }: { review: ExerciseReview }) {
  const injects = [...new Set(review.kpis.reachability.map(r => r.injectId))];
  const [chosen, choose] = useState("");
  const injectId = injects.includes(chosen) ? chosen : injects[0];
  // The spread is measured once per inject; every stage carries the same points, the longest one is kept.
  const spread = review.kpis.reachability.filter(r => r.injectId === injectId).reduce((a, r) => (r.spread.length > a.length ? r.spread : a), [] as { scenarioTime: string; sectors: number; organizations: number }[]);
  const point = (y: (p: (typeof spread)[number]) => number) => spread.map(p => ({ x: parseSpan(p.scenarioTime) / 60000, y: y(p) }));
  return (
    <div class="chart-with-picker">
      {injects.length > 1 ? (
        <label class="small">{t("inject")} <select value={injectId} onChange={e => choose((e.target as HTMLSelectElement).value)} data-testid="spread-inject">
          {injects.map(i => <option key={i} value={i}>{injectLabel(review, i)}</option>)}
        </select></label>
      ) : null}
      <ChartView testid="chart-spread" label={`${t("kpi.chartSpread")}${injectId ? ` — ${injectLabel(review, injectId)}` : ""}`} config={{
        type: "line",
        data: { datasets: [
          { label: t("kpi.sectorsReached"), data: point(p => p.sectors), borderColor: PALETTE[2], backgroundColor: PALETTE[2], stepped: true },
          { label: t("kpi.orgsReached"), data: point(p => p.organizations), borderColor: PALETTE[4], backgroundColor: PALETTE[4], stepped: true, yAxisID: "y2" },
        ] },
        options: { scales: {
          x: { type: "linear", beginAtZero: true, title: { display: true, text: t("kpi.minutesAfterDelivery") } },
          y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: t("kpi.sectorsReached") } },
          y2: { beginAtZero: true, position: "right", ticks: { precision: 0 }, grid: { drawOnChartArea: false }, title: { display: true, text: t("kpi.orgsReached") } },
        } },
      }} />
    </div>
  );
}

/** Per stage of the reporting chain, the share of its organizations reached within the window, one bar per incident inject. */
function Reachability({ review }: { review: ExerciseReview }) {
  const injects = [...new Set(review.kpis.reachability.map(r => r.injectId))];
  return (
    <ChartView testid="chart-reach" label={t("kpi.chartReach")} config={{
      type: "bar",
      data: {
        labels: STAGES.map(s => t(`chain.${s}`)),
        datasets: injects.map((i, n) => ({
          label: injectLabel(review, i),
          backgroundColor: PALETTE[n % PALETTE.length],
          data: STAGES.map(s => {
            const r = review.kpis.reachability.find(x => x.injectId === i && x.stage === s);
            return r && r.organizations ? Math.round((r.reachedInWindow / r.organizations) * 100) : 0;
          }),
        })),
      },
      options: { scales: { y: { beginAtZero: true, max: 100, title: { display: true, text: "%" } } } },
    }} />
  );
}

function Escalation({ review }: { review: ExerciseReview }) {
  const rows = review.kpis.escalations;
  if (!rows.length) return null;
  return (
    <section class="panel" aria-labelledby="kpi-esc-h">
      <h2 id="kpi-esc-h">{t("kpi.escalation")}</h2>
      <table class="compact" data-testid="kpi-escalation">
        <thead><tr><th>{t("inject")}</th><th>{t("organization")}</th><th>{t("kpi.escalatedAfter")}</th><th>{t("role")}</th></tr></thead>
        <tbody>{rows.map(e => (
          <tr key={`${e.injectId}-${e.organizationId}`} class={e.escalated ? "" : "missed"}>
            <td>{injectLabel(review, e.injectId)}</td><td>{orgLabel(review, e.organizationId)}</td>
            <td>{e.escalated ? span(e.escalated.scenario) : t("kpi.never")}</td><td>{e.actorRole ?? ""}</td>
          </tr>
        ))}</tbody>
      </table>
    </section>
  );
}

function Chains({ review }: { review: ExerciseReview }) {
  const [all, setAll] = useState(false);
  const chains = review.kpis.chains;
  if (!chains.length) return null;
  const shown = all ? chains : chains.slice(0, CHAINS_SHOWN);
  return (
    <section class="panel" aria-labelledby="kpi-chain-h">
      <h2 id="kpi-chain-h">{t("kpi.chains")}</h2>
      <div data-testid="kpi-chains">{shown.map(c => <Chain key={`${c.injectId}-${c.originOrganizationId}`} review={review} c={c} />)}</div>
      {shown.length < chains.length ? <button type="button" onClick={() => setAll(true)}>{t("kpi.showAll", chains.length)}</button> : null}
    </section>
  );
}

function Chain({ review, c }: { review: ExerciseReview; c: ReportingChain }) {
  return (
    <article class="chain" data-inject={c.injectId} data-origin={c.originOrganizationId}>
      <h3>{injectLabel(review, c.injectId)} — {orgLabel(review, c.originOrganizationId)} <span class="small">{span(c.deliveredAtScenario)}</span></h3>
      <table class="compact">
        <thead><tr><th>{t("stage")}</th><th>{t("organization")}</th><th>{t("reached")}</th><th>{t("kpi.window")}</th></tr></thead>
        <tbody>{c.stages.map(s => (
          <tr key={s.stage} class={s.insideWindow ? "" : "missed"} data-stage={s.stage} data-inside={s.insideWindow}>
            <td>{t(`chain.${s.stage}`)}</td><td>{orgLabel(review, s.organizationId)}</td>
            <td>{s.reached ? span(s.reached.scenario) : t("notReached")}</td><td>{span(s.window)}</td>
          </tr>
        ))}</tbody>
      </table>
      <h4>{t("kpi.path")}</h4>
      {c.path.length === 0 ? <p class="empty">{t("kpi.noPath")}</p> : (
        <ol class="hops" data-testid="chain-path">
          {c.path.map(h => (
            <li key={h.seq} data-seq={h.seq}>
              <span class="time">{span(h.scenarioTime)}</span> {orgLabel(review, h.from)} → <strong>{orgLabel(review, h.to)}</strong>
              <span class="small"> {h.subject}{h.forwardedFromSeq ? ` · ${t("kpi.forwarded", h.forwardedFromSeq)}` : ""}</span>
            </li>
          ))}
        </ol>
      )}
      {c.neverReached.length ? (
        <p class="never" data-testid="chain-never"><strong>{t("kpi.neverReached")}:</strong> {c.neverReached.map(o => orgLabel(review, o)).join(", ")}</p>
      ) : null}
    </article>
  );
}

function Severity({ review }: { review: ExerciseReview }) {
  const list = review.kpis.severity;
  if (!list.length) return null;
  return (
    <section class="panel" aria-labelledby="kpi-sev-h">
      <h2 id="kpi-sev-h">{t("kpi.severity")}</h2>
      {list.map(s => (
        <div key={s.injectId} data-testid="kpi-severity" data-inject={s.injectId}>
          <h3>{injectLabel(review, s.injectId)} <span class="small">{t("kpi.expectedMean", s.expected ?? "—", s.mean === undefined ? "—" : s.mean.toFixed(1))}</span></h3>
          <table class="compact">
            <thead><tr><th>{t("organization")}</th><th>{t("sector")}</th><th>{t("severity.continuity")}</th><th>{t("severity.safety")}</th>
              <th>{t("severity.trust")}</th><th>{t("severity.level")}</th><th>{t("kpi.sectorMean")}</th><th>{t("kpi.fromExpected")}</th></tr></thead>
            <tbody>{s.answers.map(a => (
              <tr key={a.organizationId} class={Math.abs(a.fromExpected ?? 0) >= 2 ? "missed" : ""}>
                <td>{orgLabel(review, a.organizationId)}</td><td>{sectorName(a.sector)}</td><td>{a.rating.continuity}</td><td>{a.rating.safety}</td>
                <td>{a.rating.trust}</td><td><strong>{a.level}</strong></td><td>{a.sectorMean.toFixed(1)}</td>
                <td>{a.fromExpected === undefined ? "—" : a.fromExpected > 0 ? `+${a.fromExpected}` : a.fromExpected}</td>
              </tr>
            ))}</tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
