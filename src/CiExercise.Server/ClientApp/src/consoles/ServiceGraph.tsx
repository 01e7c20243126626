import type cytoscape from "cytoscape";
import { useEffect, useRef, useState } from "preact/hooks";
import type { ExerciseModel } from "../exercise";
import { lang, loc, t } from "../i18n";
import type { ServiceStatus, ServiceView } from "../model";
import { CommandsWaiting, failure, useCommands } from "../ui/commands";
import { orgName } from "../ui/parts";
import { StatusPill, dependencyText, serviceStory } from "../ui/serviceParts";

/** The states a controller can set; restoring comes only from a participant's decision. */
const SETTABLE: ServiceStatus[] = ["down", "degraded", "up"];

const COLOURS: Record<ServiceStatus, string> = { up: "#1a7f37", degraded: "#9a6700", down: "#b42318", restoring: "#0b5cad" };

/**
 * Cytoscape puts a one-rule style element in the head unless an element with this id is there; the consoles'
 * policy forbids inline styles, so a placeholder stands in and styles.css carries the rule.
 */
const CYTOSCAPE_STYLE_ID = "__________cytoscape_stylesheet";

function placeholderForStylesheet(): void {
  if (document.getElementById(CYTOSCAPE_STYLE_ID)) return;
  const meta = document.createElement("meta");
  meta.id = CYTOSCAPE_STYLE_ID;
  document.head.appendChild(meta);
}

/**
 * Every service of the exercise as a dependency graph (an arrow from a service to each one that depends on it, the
 * way an outage spreads; what nothing feeds at the top), coloured
 * by its live state, with the list beside it for keyboards and screen readers, and the form to set a state.
 */
export function ServiceGraph({ model }: { model: ExerciseModel }) {
  useEffect(() => model.services.want(), [model]);
  const services = model.services.list;
  const box = useRef<HTMLDivElement>(null);
  const cy = useRef<cytoscape.Core | null>(null);
  const [selected, setSelected] = useState("");
  const [drawn, setDrawn] = useState(0);
  const ids = services.map(v => v.service.id).join(",");
  const language = lang();

  // The graph is built once per set of services; state changes only recolour it, so nodes stay where they are.
  // Cytoscape is loaded here, on the control cell's console only: participants' consoles stay small at STARTEX.
  useEffect(() => {
    if (!box.current || !services.length) return;
    let graph: cytoscape.Core | null = null;
    let gone = false;
    void import("cytoscape").then(({ default: cytoscape }) => {
      if (gone || !box.current) return;
      graph = draw(cytoscape, box.current);
      graph.on("tap", "node", e => setSelected(e.target.id()));
      cy.current = graph;
      setDrawn(n => n + 1);
    });
    return () => { gone = true; graph?.destroy(); cy.current = null; };
  }, [ids]);

  const draw = (cytoscape: typeof import("cytoscape"), container: HTMLElement) => {
    placeholderForStylesheet();
    return cytoscape({
      container,
      elements: [
        ...services.map(v => ({ data: { id: v.service.id, label: label(model, v), status: v.status } })),
        ...services.flatMap(v => v.service.dependsOn.filter(d => model.services.byId.has(d.serviceId))
          .map(d => ({ data: { id: `${d.serviceId}->${v.service.id}`, source: d.serviceId, target: v.service.id } }))),
      ],
      style: [
        { selector: "node", style: {
          label: "data(label)", "text-wrap": "wrap", "text-max-width": "140px", "font-size": 11, "text-valign": "bottom", "text-margin-y": 4,
          width: 26, height: 26, "border-width": 2, "border-color": "#1b1f24",
          "background-color": (n: cytoscape.NodeSingular) => COLOURS[n.data("status") as ServiceStatus] ?? "#57606a" } },
        { selector: "node[status = 'down']", style: { shape: "octagon", width: 32, height: 32 } },
        { selector: "node[status = 'degraded']", style: { shape: "diamond" } },
        { selector: "node:selected", style: { "border-color": "#ff8c00", "border-width": 4 } },
        { selector: "edge", style: { width: 1.5, "line-color": "#8c959f", "target-arrow-color": "#8c959f", "target-arrow-shape": "triangle", "curve-style": "bezier" } },
      ],
      layout: { name: "breadthfirst", directed: true, spacingFactor: 1.1, padding: 16 },
      userZoomingEnabled: false,
      boxSelectionEnabled: false,
    });
  };

  // Live: each state change recolours its node, and a new language relabels them.
  useEffect(() => {
    const graph = cy.current;
    if (!graph) return;
    for (const v of services) graph.getElementById(v.service.id).data({ status: v.status, label: label(model, v) });
  }, [model.version, language, ids, drawn]);

  if (!services.length) return null;
  const down = services.filter(v => v.status === "down").map(v => v.service.id);
  return (
    <section class="panel service-graph" aria-labelledby="graph-h" data-testid="service-graph">
      <h2 id="graph-h">{t("svc.graph")}</h2>
      <p class="small legend">{(["up", "degraded", "down", "restoring"] as const).map(s => <StatusPill key={s} status={s} />)} {t("svc.arrow")}</p>
      <div class="graph-body">
        <div class="graph-canvas" ref={box} role="img" aria-label={t("svc.graph")} data-testid="graph-canvas" data-drawn={drawn > 0} data-down={down.join(" ")} />
        <table class="compact" data-testid="service-table">
          <thead><tr><th scope="col">{t("svc.service")}</th><th scope="col">{t("status")}</th><th scope="col">{t("svc.why")}</th></tr></thead>
          <tbody>
            {services.map(v => (
              <tr key={v.service.id} data-service={v.service.id} data-status={v.status} class={selected === v.service.id ? "selected" : ""}>
                <td><button type="button" class="link" onClick={() => setSelected(v.service.id)}>{loc(v.service.name)}</button>
                  <span class="small"> {orgName(model, v.service.organizationId)}</span></td>
                <td><StatusPill status={v.status} /></td>
                <td class="small">{serviceStory(model, v)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <SetServiceForm model={model} service={model.services.byId.get(selected) ?? null} choose={setSelected} />
    </section>
  );
}

function label(model: ExerciseModel, v: ServiceView): string {
  return `${loc(v.service.name)}\n${orgName(model, v.service.organizationId)} · ${t(`svc.${v.status}`)}`;
}

/** Sets one service's state (with a note for the record); cascades follow from the server. */
function SetServiceForm({ model, service, choose }: { model: ExerciseModel; service: ServiceView | null; choose: (id: string) => void }) {
  const [status, setStatus] = useState<ServiceStatus>("down");
  const [note, setNote] = useState("");
  const [result, setResult] = useState<string | null>(null);
  const [run, waiting] = useCommands();
  const set = (e: Event) => {
    e.preventDefault();
    if (!service) return;
    run(t("svc.set"), "POST", `/api/exercises/${encodeURIComponent(model.id)}/services/${encodeURIComponent(service.service.id)}`, { status, note: note.trim() || null })
      .then(() => { setResult("✓"); setNote(""); }, err => setResult(failure(err)));
  };
  return (
    <form class="inline set-service" onSubmit={set} data-testid="set-service">
      <label>{t("svc.service")} <select value={service?.service.id ?? ""} onChange={e => choose((e.target as HTMLSelectElement).value)} data-testid="set-service-id">
        <option value="">—</option>
        {model.services.list.map(v => <option key={v.service.id} value={v.service.id}>{loc(v.service.name)}</option>)}
      </select></label>
      <label>{t("status")} <select value={status} onChange={e => setStatus((e.target as HTMLSelectElement).value as ServiceStatus)} data-testid="set-service-status">
        {SETTABLE.map(s => <option key={s} value={s}>{t(`svc.${s}`)}</option>)}
      </select></label>
      <label>{t("svc.note")} <input value={note} maxLength={500} onInput={e => setNote((e.target as HTMLInputElement).value)} data-testid="set-service-note" /></label>
      <button type="submit" disabled={!service} data-testid="set-service-do">{t("svc.set")}</button>
      {service?.service.dependsOn.length ? <span class="small">{t("svc.dependsOn")}: {service.service.dependsOn.map(d => dependencyText(model, d.serviceId, d.tolerance)).join("; ")}</span> : null}
      <CommandsWaiting waiting={waiting} />
      {result ? <span class="note" role="status" data-testid="set-service-result">{result}</span> : null}
    </form>
  );
}
