import { useState } from "preact/hooks";
import { get } from "../api";
import type { ExerciseModel } from "../exercise";
import { loc, t } from "../i18n";
import { ReviewLink } from "../review/ReviewLink";
import type { HotWashAnswer, HotWashQuestion } from "../review/types";
import { useLoad } from "../review/useLoad";
import { useOnce } from "../ui/hooks";
import { Note, Waiting } from "../ui/Waiting";

const HOT_WASH = "hot-wash";

/**
 * Once the exercise has ended: the hot-wash questions (the scenario's, or the defaults), answered through the
 * outbox like every participant action, and the way to the organization's own review. Answering again
 * replaces the earlier answers in the review.
 */
export function HotWashForm({ model, id }: { model: ExerciseModel; id: string }) {
  const questions = useLoad(() => get<HotWashQuestion[]>(`/api/exercises/${encodeURIComponent(id)}/hot-wash`), id);
  const [answers, setAnswers] = useState<Record<string, HotWashAnswer>>({});
  const [note, setNote] = useState<string | null>(null);
  const once = useOnce();
  const list = questions.data ?? [];
  const answered = (q: HotWashQuestion) => (q.kind === "rating" ? answers[q.id]?.rating !== undefined : !!answers[q.id]?.text?.trim());
  const ready = list.length > 0 && list.every(q => !q.required || answered(q));
  const set = (q: HotWashQuestion, patch: Partial<HotWashAnswer>) => setAnswers(a => ({ ...a, [q.id]: { ...a[q.id], questionId: q.id, ...patch } }));
  const submit = (e: Event) => {
    e.preventDefault();
    const sent = list.filter(answered).map(q => ({ questionId: q.id, rating: answers[q.id].rating ?? null, text: answers[q.id].text?.trim() || null }));
    once(() => model.outbox.enqueue("SubmitHotWash", [sent], HOT_WASH).then(() => setNote(null), err => setNote((err as Error).message)));
  };
  return (
    <section class="panel hotwash-form" aria-labelledby="hotwash-h" data-testid="hotwash">
      <h2 id="hotwash-h">{t("hotwash.title")} <ReviewLink /></h2>
      <p>{t("hotwash.intro")}</p>
      {questions.error ? <p class="error" role="alert">{questions.error}</p> : null}
      <form onSubmit={submit}>
        {list.map(q => q.kind === "rating" ? (
          <fieldset key={q.id} data-question={q.id}>
            <legend>{loc(q.text)}{q.required ? " *" : ""} <span class="small">{t("hotwash.rating")}</span></legend>
            <div class="scale">
              {[1, 2, 3, 4, 5].map(r => (
                <label key={r} class="check"><input type="radio" name={`hw-${q.id}`} checked={answers[q.id]?.rating === r}
                  onChange={() => set(q, { rating: r })} data-testid={`hw-${q.id}-${r}`} />{r}</label>
              ))}
            </div>
          </fieldset>
        ) : (
          <label key={q.id} data-question={q.id}>{loc(q.text)}{q.required ? " *" : ""}
            <textarea rows={2} maxLength={2000} value={answers[q.id]?.text ?? ""} data-testid={`hw-${q.id}`}
              onInput={e => set(q, { text: (e.target as HTMLTextAreaElement).value })} /></label>
        ))}
        <button type="submit" class="primary" disabled={!ready} data-testid="hw-submit">{t("hotwash.submit")}</button>
      </form>
      <Waiting model={model} about={HOT_WASH} />
      <Note model={model} about={HOT_WASH} note={note} />
    </section>
  );
}
