import { useEffect, useRef, useState } from "preact/hooks";
import { get, post } from "../api";
import type { ExerciseModel } from "../exercise";
import { loc, t, useLang } from "../i18n";
import type { Principal, Scenario } from "../model";
import { usePresence } from "../presence";
import { MselBoard, OrgGrid } from "../ui/Board";
import { CommandsWaiting, failure, useCommands } from "../ui/commands";
import { useExercise, useShortcuts } from "../ui/hooks";
import { Shell } from "../ui/Shell";
import { CarriedPanel } from "../review/CarriedPanel";
import { ReviewLink } from "../review/ReviewLink";
import { AdHocForm } from "./AdHocForm";
import { CheckPanel } from "./CheckPanel";
import { JoinLinks } from "./JoinLinks";
import { NewsFeed } from "../ui/NewsFeed";
import { PostForm } from "./PostForm";
import { ServiceGraph } from "./ServiceGraph";
import { SimulatedInbox } from "./SimulatedInbox";
import { PresencePanel } from "./PresencePanel";

/** Each command's button text, which also names it while it waits for the network. */
const COMMAND_LABELS: Record<string, "start" | "pause" | "resume" | "setSpeed" | "jump" | "end" | "halt" | "lift"> = {
  start: "start", pause: "pause", resume: "resume", speed: "setSpeed", jump: "jump", end: "end", halt: "halt", "lift-halt": "lift",
};

/** The control cell: both clocks and every clock command, the halt, the MSEL board, the grid, links. */
export function Controller({ id, principal }: { id: string; principal: Principal }) {
  const model = useExercise(id);
  const presence = usePresence(model);
  const haltRef = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [run, waiting] = useCommands();
  const command = (path: string, body?: unknown) =>
    run(t(COMMAND_LABELS[path] ?? "controllerTitle"), "POST", `/api/exercises/${encodeURIComponent(id)}/${path}`, body ?? {})
      .then(() => setError(null), e => setError(failure(e)));
  // Release or cancel a held inject by hand, with the reason for the record; answers whether the server took it.
  const hold = (injectId: string, action: "release" | "cancel", reason: string) =>
    run(t(action === "release" ? "hold.release" : "hold.cancel"), "POST",
      `/api/exercises/${encodeURIComponent(id)}/injects/${encodeURIComponent(injectId)}/${action}`, { reason: reason || null })
      .then(() => { setError(null); return true; }, e => { setError(failure(e)); return false; });
  const status = model.clock.status;
  useShortcuts({
    s: () => void (status === "draft" ? command("start") : status === "paused" ? command("resume") : undefined),
    p: () => void (status === "running" ? command("pause") : undefined),
    n: () => void command("jump", { to: "next-inject" }),
    h: () => haltRef.current?.showModal(),
    b: () => document.getElementById("board")?.focus(),
  });
  return (
    <Shell title={`${t("controllerTitle")} — ${model.view?.name ?? id}`} model={model} wall help={[t("help.controller")]} who={principal.name}>
      <ControlBar model={model} command={command} openHalt={() => haltRef.current?.showModal()} />
      <CommandsWaiting waiting={waiting} />
      {error || model.error ? <p class="error" role="alert" data-testid="error">{error ?? model.error}</p> : null}
      <div class="controller">
        <MselBoard model={model} act={hold} />
        <ServiceGraph model={model} />
        <OrgGrid model={model} presence={presence} />
        <div class="side">
          <CarriedPanel id={id} />
          <CheckPanel model={model} controller />
          <PresencePanel model={model} presence={presence} />
        </div>
        <SimulatedInbox model={model} />
        <AdHocForm model={model} />
        <NewsFeed model={model}><PostForm model={model} /></NewsFeed>
        <JoinLinks model={model} />
      </div>
      <HaltDialog dialog={haltRef} halt={reason => command("halt", { reason })} />
    </Shell>
  );
}

function ControlBar({ model, command, openHalt }: { model: ExerciseModel; command: (path: string, body?: unknown) => Promise<void>; openHalt: () => void }) {
  const [speed, setSpeed] = useState("");
  const [phase, setPhase] = useState("");
  const status = model.clock.status;
  const phases = model.directory?.phases ?? [];
  return (
    <section class="controlbar" aria-label={t("controllerTitle")}>
      {status === "draft" ? <button type="button" class="primary" onClick={() => command("start")} data-testid="start">{t("start")}</button> : null}
      {status === "running" ? <button type="button" onClick={() => command("pause")} data-testid="pause">{t("pause")}</button> : null}
      {status === "paused" ? <button type="button" class="primary" onClick={() => command("resume")} data-testid="resume">{t("resume")}</button> : null}
      <form class="inline" onSubmit={e => { e.preventDefault(); void command("speed", { speed: Number(speed) }); }}>
        <label>{t("speed")} <input type="number" min="0.1" max="3600" step="any" value={speed} placeholder={String(model.clock.speed)}
          onInput={e => setSpeed((e.target as HTMLInputElement).value)} data-testid="speed" /></label>
        <button type="submit" disabled={!speed} data-testid="set-speed">{t("setSpeed")}</button>
      </form>
      <button type="button" onClick={() => command("jump", { to: "next-inject" })} data-testid="jump-next">{t("jumpNext")}</button>
      <form class="inline" onSubmit={e => { e.preventDefault(); void command("jump", { phaseId: phase }); }}>
        <label>{t("jumpPhase")} <select value={phase} onChange={e => setPhase((e.target as HTMLSelectElement).value)}>
          <option value="">—</option>
          {phases.map(p => <option key={p.id} value={p.id}>{loc(p.name)}</option>)}
        </select></label>
        <button type="submit" disabled={!phase}>{t("jump")}</button>
      </form>
      <button type="button" onClick={() => confirm(t("confirmEnd")) && command("end")} disabled={status === "ended"}>{t("end")}</button>
      {status === "halted"
        ? <button type="button" class="primary" onClick={() => command("lift-halt")} data-testid="lift">{t("lift")}</button>
        : <button type="button" class="danger" onClick={openHalt} data-testid="halt">{t("halt")}</button>}
      <ReviewLink id={model.id} />
    </section>
  );
}

function HaltDialog({ dialog, halt }: { dialog: preact.RefObject<HTMLDialogElement>; halt: (reason: string) => Promise<void> }) {
  const [reason, setReason] = useState("");
  return (
    <dialog ref={dialog} aria-labelledby="halt-h" data-testid="halt-dialog">
      <form method="dialog" onSubmit={e => {
        if ((e.submitter as HTMLButtonElement | null)?.value !== "halt") return;
        void halt(reason.trim()).then(() => setReason(""));
      }}>
        <h2 id="halt-h">{t("halt")}</h2>
        <p>{t("haltConfirm")}</p>
        <label>{t("reason")}<input value={reason} required onInput={e => setReason((e.target as HTMLInputElement).value)} data-testid="halt-reason" /></label>
        <div class="buttons">
          <button value="cancel" formNoValidate>{t("cancel")}</button>
          <button value="halt" class="danger" data-testid="halt-confirm">{t("haltDo")}</button>
        </div>
      </form>
    </dialog>
  );
}

interface ExerciseSummary { id: string; name: string; scenarioId: string; status: string }

/** For a controller of every exercise: pick one, or create one from a loaded scenario. */
export function ExercisePicker() {
  useLang();
  const [exercises, setExercises] = useState<ExerciseSummary[]>([]);
  const [scenarios, setScenarios] = useState<Scenario[]>([]);
  const [scenarioId, setScenarioId] = useState("");
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [dashboard, setDashboard] = useState<string | null>(null);
  useEffect(() => {
    get<{ dashboard: string | null }>("/api").then(x => setDashboard(x.dashboard), () => setDashboard(null));
    get<ExerciseSummary[]>("/api/exercises").then(setExercises, e => setError(e.message));
    get<Scenario[]>("/api/scenarios").then(s => { setScenarios(s); setScenarioId(s[0]?.id ?? ""); }, e => setError(e.message));
  }, []);
  // The dashboard's own requests cannot carry the bearer header: a session puts the token in a cookie for /dashboard.
  const openDashboard = () =>
    post<{ url: string }>("/api/dashboard/session").then(x => location.assign(x.url), err => setError((err as Error).message));
  const create = (e: Event) => {
    e.preventDefault();
    post<{ id: string }>("/api/exercises", { scenarioId, name: name || null })
      .then(x => location.assign(`/control/${x.id}`), err => setError((err as Error).message));
  };
  return (
    <Shell title={t("controllerTitle")} help={[t("help.controller")]}>
      {error ? <p class="error" role="alert">{error}</p> : null}
      <section class="panel">
        <h2>{t("exercises")}</h2>
        <ul class="exercises" data-testid="exercises">
          {exercises.map(x => <li key={x.id}><a href={`/control/${x.id}`}>{x.name}</a> <span class="small">{x.id} · {x.scenarioId} · {x.status}</span></li>)}
        </ul>
      </section>
      <form class="panel" onSubmit={create}>
        <h2>{t("createExercise")}</h2>
        <label>{t("scenario")} <select value={scenarioId} onChange={e => setScenarioId((e.target as HTMLSelectElement).value)}>
          {scenarios.map(s => <option key={s.id} value={s.id}>{loc(s.title)}</option>)}
        </select></label>
        <label>{t("name")} <input value={name} onInput={e => setName((e.target as HTMLInputElement).value)} /></label>
        <button type="submit" disabled={!scenarioId}>{t("create")}</button>
      </form>
      {dashboard ? (
        <section class="panel">
          <h2>{t("operations")}</h2>
          <button type="button" data-testid="orleans-dashboard" onClick={openDashboard}>{t("orleansDashboard")}</button>
        </section>
      ) : null}
    </Shell>
  );
}
