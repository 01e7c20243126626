import { useRef, useState } from "preact/hooks";
import type { ExerciseModel } from "../exercise";
import { t } from "../i18n";
import type { Principal } from "../model";
import { Feed } from "../ui/Feed";
import { useExercise, useOnce, useShortcuts } from "../ui/hooks";
import { injectTitle, objectiveText } from "../ui/parts";
import { Shell } from "../ui/Shell";
import { CarriedPanel } from "../review/CarriedPanel";
import { ReviewLink } from "../review/ReviewLink";
import { Note, Waiting } from "../ui/Waiting";

const OBSERVATION = "observation";

/** The live feed, observations against the objectives, and which objectives have been observed. */
export function Evaluator({ id, principal }: { id: string; principal: Principal }) {
  const model = useExercise(id);
  const filterRef = useRef<HTMLSelectElement>(null);
  const formRef = useRef<HTMLTextAreaElement>(null);
  useShortcuts({ f: () => filterRef.current?.focus(), o: () => formRef.current?.focus() });
  return (
    <Shell title={t("evaluatorTitle")} model={model} wall help={[t("help.evaluator")]} who={principal.name}>
      <div class="evaluator">
        <Feed model={model} filterRef={filterRef} />
        <div class="side">
          <ReviewLink id={id} />
          <CarriedPanel id={id} />
          <ObservationForm model={model} textRef={formRef} />
          <Coverage model={model} />
        </div>
      </div>
    </Shell>
  );
}

function ObservationForm({ model, textRef }: { model: ExerciseModel; textRef: preact.RefObject<HTMLTextAreaElement> }) {
  const [kind, setKind] = useState("strength");
  const [rating, setRating] = useState("");
  const [text, setText] = useState("");
  const [objectives, setObjectives] = useState<string[]>([]);
  const [injects, setInjects] = useState<string[]>([]);
  const [note, setNote] = useState<string | null>(null);
  const once = useOnce();
  const toggle = (list: string[], set: (v: string[]) => void, id: string, on: boolean) => set(on ? [...list, id] : list.filter(x => x !== id));
  const record = (e: Event) => {
    e.preventDefault();
    const observation = { kind, rating: rating || null, text, objectiveIds: objectives, injectIds: injects, organizationIds: [] };
    once(() => model.outbox.enqueue("RecordObservation", [observation], OBSERVATION)
      .then(() => { setNote(null); setText(""); setObjectives([]); setInjects([]); setRating(""); }, err => setNote((err as Error).message)));
  };
  return (
    <form class="panel observe-form" onSubmit={record} aria-labelledby="obs-h">
      <h2 id="obs-h">{t("observation")}</h2>
      <fieldset class="row">
        <legend>{t("kind")}</legend>
        <label class="check"><input type="radio" name="obs-kind" checked={kind === "strength"} onChange={() => setKind("strength")} />{t("strength")}</label>
        <label class="check"><input type="radio" name="obs-kind" checked={kind === "area-for-improvement"} onChange={() => setKind("area-for-improvement")} data-testid="obs-improvement" />{t("improvement")}</label>
      </fieldset>
      <label>{t("rating")} <select value={rating} onChange={e => setRating((e.target as HTMLSelectElement).value)} data-testid="obs-rating">
        <option value="">{t("noRating")}</option>
        {["p", "s", "m", "u"].map(r => <option key={r} value={r}>{t(`rating.${r}` as never)}</option>)}
      </select></label>
      <label>{t("text")} <textarea ref={textRef} rows={3} value={text} onInput={e => setText((e.target as HTMLTextAreaElement).value)} data-testid="obs-text" /></label>
      <fieldset>
        <legend>{t("objectives")}</legend>
        {model.objectives.map(({ id }) => (
          <label class="check" key={id}><input type="checkbox" checked={objectives.includes(id)} data-objective={id}
            onChange={e => toggle(objectives, setObjectives, id, (e.target as HTMLInputElement).checked)} />{objectiveText(model, id)}</label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("injects")}</legend>
        {[...model.fired].map(id => (
          <label class="check" key={id}><input type="checkbox" checked={injects.includes(id)} data-inject={id}
            onChange={e => toggle(injects, setInjects, id, (e.target as HTMLInputElement).checked)} />{injectTitle(model, id)}</label>
        ))}
      </fieldset>
      <button type="submit" disabled={!text.trim()} data-testid="obs-record">{t("record")}</button>
      <Waiting model={model} about={OBSERVATION} />
      <Note model={model} about={OBSERVATION} note={note} />
    </form>
  );
}

function Coverage({ model }: { model: ExerciseModel }) {
  const count = (id: string) => model.observations.filter(e => (e.payload?.observation?.objectiveIds ?? []).includes(id)).length;
  return (
    <section class="panel coverage" aria-labelledby="cov-h">
      <h2 id="cov-h">{t("coverage")}</h2>
      <ul data-testid="coverage">
        {model.objectives.map(({ id }) => {
          const n = count(id);
          return <li key={id} data-objective={id} data-count={n} class={n ? "covered" : "uncovered"}><strong>{n}</strong> {objectiveText(model, id)}</li>;
        })}
      </ul>
      <p class="small">{t("observations")}: <span data-testid="obs-count">{model.observations.length}</span></p>
    </section>
  );
}
