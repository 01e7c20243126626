import { useState } from "preact/hooks";
import { loc, t } from "../i18n";
import type { ActionReceipt, Principal } from "../model";
import { CommandsWaiting, failure, useCommands } from "../ui/commands";
import { exercisePath, objectiveLabel, orgLabel, span, wall } from "./names";
import type { ExerciseReview, HotWashQuestion, Rating } from "./types";

const RATINGS: Rating[] = ["p", "s", "m", "u"];

/** The objectives and their critical tasks as rated, what nobody evaluated, the evaluator's rating form, the hot wash. */
export function Evaluation({ id, review, principal, reload }: { id: string; review: ExerciseReview; principal: Principal; reload: () => void }) {
  const e = review.evaluation;
  return (
    <div class="evaluation">
      <section class="panel" aria-labelledby="eval-h">
        <h2 id="eval-h">{t("eval.objectives")}</h2>
        <ul class="objectives" data-testid="eval-objectives">
          {e.objectives.map(o => (
            <li key={o.objectiveId} data-objective={o.objectiveId} data-rating={o.rating ?? ""}>
              <h3><RatingPill rating={o.rating} /> {o.objectiveId} {loc(o.text)} <span class="small">{o.capability} · {t("eval.observationCount", o.observations)}</span></h3>
              <ul class="tasks">
                {o.tasks.map(task => (
                  <li key={task.taskId} data-task={task.taskId} data-rating={task.current ?? ""}>
                    <RatingPill rating={task.current} /> <strong>{task.taskId}</strong> {loc(task.text)}
                    {task.ratings.length ? (
                      <ol class="ratings small">
                        {task.ratings.map(r => (
                          <li key={r.seq} data-seq={r.seq}>
                            #{r.seq} {r.rating.toUpperCase()} · {r.evaluatorId} · {wall(r.wallTime)}{r.text ? ` — ${r.text}` : ""}
                            {r.evidenceSeqs.length ? ` · ${t("eval.evidence")}: ${r.evidenceSeqs.map(s => `#${s}`).join(", ")}` : ""}
                          </li>
                        ))}
                      </ol>
                    ) : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>
      <section class="panel" aria-labelledby="eval-gap-h" data-testid="eval-coverage">
        <h2 id="eval-gap-h">{t("eval.coverage")}</h2>
        {e.unevaluatedObjectives.length === 0 && e.unevaluatedTasks.length === 0 ? <p class="note">{t("eval.allCovered")}</p> : (
          <ul class="gaps">
            {e.unevaluatedObjectives.map(o => <li key={o} data-objective={o}>{t("eval.noObservation")}: {objectiveLabel(review, o)}</li>)}
            {e.unevaluatedTasks.map(x => <li key={`${x.objectiveId}/${x.taskId}`} data-task={x.taskId}>{t("eval.unrated")}: {x.objectiveId} / {taskText(review, x.objectiveId, x.taskId)}</li>)}
          </ul>
        )}
      </section>
      {principal.kind === "evaluator" ? <RateTask id={id} review={review} reload={reload} /> : null}
      <HotWash review={review} />
    </div>
  );
}

function RatingPill({ rating }: { rating?: Rating }) {
  return <span class={`pill rating rating-${rating ?? "none"}`} title={rating ? t(`rating.${rating}`) : t("eval.unrated")}>{rating ? rating.toUpperCase() : "—"}</span>;
}

function taskText(review: ExerciseReview, objectiveId: string, taskId: string): string {
  const task = review.scenario.objectives.find(o => o.id === objectiveId)?.tasks?.find(x => x.id === taskId);
  return task ? `${taskId} ${loc(task.text)}` : taskId;
}

/**
 * An evaluator rates one critical task P/S/M/U, with the evidence it rests on: observations picked from the
 * list and any other event by its seq. Sent with one idempotency key per press (useCommands).
 */
function RateTask({ id, review, reload }: { id: string; review: ExerciseReview; reload: () => void }) {
  const tasks = review.scenario.objectives.flatMap(o => (o.tasks ?? []).map(task => ({ objectiveId: o.id, taskId: task.id })));
  const [which, setWhich] = useState(tasks[0] ? `${tasks[0].objectiveId}/${tasks[0].taskId}` : "");
  const [rating, setRating] = useState<Rating | "">("");
  const [text, setText] = useState("");
  const [picked, setPicked] = useState<number[]>([]);
  const [seqs, setSeqs] = useState("");
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [run, waiting] = useCommands();
  const extra = seqs.split(/[\s,]+/).filter(Boolean);
  const badSeqs = extra.some(s => !/^\d+$/.test(s));
  const submit = (e: Event) => {
    e.preventDefault();
    const [objectiveId, taskId] = which.split("/");
    const evidenceSeqs = [...new Set([...picked, ...extra.map(Number)])].sort((a, b) => a - b);
    void run<ActionReceipt>(t("eval.rate"), "POST", exercisePath(id, "/task-ratings"), { objectiveId, taskId, rating, text: text.trim() || null, evidenceSeqs })
      .then(receipt => { setError(null); setNote(t("recorded", receipt.seq)); setRating(""); setText(""); setPicked([]); setSeqs(""); reload(); },
        err => { setNote(null); setError(failure(err)); });
  };
  const observations = review.evaluation.observations;
  return (
    <form class="panel rate-task" onSubmit={submit} aria-labelledby="rate-h" data-testid="rate-form">
      <h2 id="rate-h">{t("eval.rate")}</h2>
      <label>{t("eval.task")} <select value={which} onChange={e => setWhich((e.target as HTMLSelectElement).value)} data-testid="rate-task">
        {tasks.map(x => <option key={`${x.objectiveId}/${x.taskId}`} value={`${x.objectiveId}/${x.taskId}`}>{x.objectiveId} / {taskText(review, x.objectiveId, x.taskId)}</option>)}
      </select></label>
      <fieldset class="row">
        <legend>{t("rating")}</legend>
        {RATINGS.map(r => <label key={r} class="check"><input type="radio" name="task-rating" checked={rating === r} onChange={() => setRating(r)} data-testid={`rate-${r}`} />{t(`rating.${r}`)}</label>)}
      </fieldset>
      <label>{t("eval.reason")} <textarea rows={2} maxLength={2000} value={text} onInput={e => setText((e.target as HTMLTextAreaElement).value)} data-testid="rate-text" /></label>
      <fieldset>
        <legend>{t("eval.evidence")}</legend>
        {observations.length === 0 ? <p class="empty">{t("eval.noObservations")}</p> : null}
        <div class="evidence">
          {observations.map(o => (
            <label key={o.seq} class="check"><input type="checkbox" checked={picked.includes(o.seq)} data-seq={o.seq}
              onChange={e => setPicked(p => (e.target as HTMLInputElement).checked ? [...p, o.seq] : p.filter(x => x !== o.seq))} />
              #{o.seq} {span(o.scenarioTime)} {o.observation.rating ? `[${o.observation.rating.toUpperCase()}] ` : ""}{o.observation.text}
              {o.observation.organizationIds.length ? ` (${o.observation.organizationIds.map(x => orgLabel(review, x)).join(", ")})` : ""}</label>
          ))}
        </div>
        <label>{t("eval.seqs")} <input value={seqs} placeholder="12, 40" onInput={e => setSeqs((e.target as HTMLInputElement).value)} data-testid="rate-seqs" /></label>
        {badSeqs ? <p class="error">{t("eval.badSeqs")}</p> : null}
      </fieldset>
      <button type="submit" class="primary" disabled={!which || !rating || badSeqs} data-testid="rate-submit">{t("eval.rate")}</button>
      <CommandsWaiting waiting={waiting} />
      {error ? <p class="error" role="alert" data-testid="rate-error">{error}</p> : null}
      {note ? <p class="note" role="status" data-testid="rate-note">{note}</p> : null}
    </form>
  );
}

/** The participants' hot-wash answers: each rating question's mean, and the written answers by organization. */
function HotWash({ review }: { review: ExerciseReview }) {
  const entries = review.participation.hotWash;
  const questions: HotWashQuestion[] = review.scenario.review?.hotWash ?? [];
  const answersTo = (q: string) => entries.flatMap(e => e.answers.filter(a => a.questionId === q).map(a => ({ e, a })));
  return (
    <section class="panel" aria-labelledby="hotwash-h" data-testid="eval-hotwash" data-count={entries.length}>
      <h2 id="hotwash-h">{t("hotwash.answers")} <span class="count">{entries.length}</span></h2>
      {entries.length === 0 ? <p class="empty">{t("hotwash.none")}</p> : null}
      {questions.map(q => {
        const answers = answersTo(q.id);
        if (q.kind === "rating") {
          const ratings = answers.map(x => x.a.rating).filter((r): r is number => typeof r === "number");
          const mean = ratings.length ? (ratings.reduce((s, r) => s + r, 0) / ratings.length).toFixed(1) : "—";
          return <p key={q.id} data-question={q.id}><strong>{loc(q.text)}</strong> {t("hotwash.mean", mean, ratings.length)}</p>;
        }
        return (
          <div key={q.id} data-question={q.id}>
            <h3>{loc(q.text)}</h3>
            <ul class="messages">{answers.filter(x => x.a.text).map(({ e, a }) => (
              <li key={`${e.seq}`}><span class="small">{orgLabel(review, e.organizationId)} · {e.role}</span><p>{a.text}</p></li>
            ))}</ul>
          </div>
        );
      })}
    </section>
  );
}
