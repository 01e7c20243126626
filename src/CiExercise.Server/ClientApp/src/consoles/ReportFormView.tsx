import { useState } from "preact/hooks";
import type { Delivery, ExerciseModel } from "../exercise";
import { loc, t } from "../i18n";
import type { FieldAnswer, FormField, ReportForm } from "../model";
import { AnswerList } from "../ui/answers";
import { useOnce } from "../ui/hooks";
import { Note, Waiting } from "../ui/Waiting";
import { ForwardReport } from "./ForwardReport";

const LEVELS = [0, 1, 2, 3, 4];

/** Raw input values by field id, as the inputs hold them. */
type Draft = Record<string, string>;

/** What is wrong with the draft, by field id, before anything is sent. */
function check(form: ReportForm, draft: Draft): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of form.fields) {
    const v = (draft[f.id] ?? "").trim();
    if (!v) {
      if (f.required) errors[f.id] = t("form.required");
      continue;
    }
    if (f.type === "number") {
      const n = Number(v);
      if (!Number.isFinite(n)) errors[f.id] = t("form.number");
      else if ((f.min != null && n < f.min) || (f.max != null && n > f.max)) errors[f.id] = t("form.range", f.min ?? "", f.max ?? "");
    }
    if (f.type === "date-time" && Number.isNaN(new Date(v).getTime())) errors[f.id] = t("form.dateTime");
    if (f.type === "text" && f.maxLength != null && v.length > f.maxLength) errors[f.id] = t("form.tooLong", f.maxLength);
  }
  return errors;
}

/** The draft as the server takes it: one value of the field's type per answered field. */
function answersOf(form: ReportForm, draft: Draft): FieldAnswer[] {
  return form.fields.filter(f => (draft[f.id] ?? "").trim()).map(f => {
    const v = draft[f.id].trim();
    switch (f.type) {
      case "choice": return { fieldId: f.id, choiceId: v };
      case "number": return { fieldId: f.id, number: Number(v) };
      case "date-time": return { fieldId: f.id, at: new Date(v).toISOString() };
      case "severity": return { fieldId: f.id, level: Number(v) };
      case "yes-no": return { fieldId: f.id, yes: v === "yes" };
      default: return { fieldId: f.id, text: v };
    }
  });
}

/**
 * The server's refusal of a report, by field: its message names the fields it found wrong ('attack'); what it
 * does not tie to a field stays in the refusal shown under the form.
 */
function serverErrors(form: ReportForm, message: string | undefined): Record<string, string> {
  if (!message) return {};
  return Object.fromEntries(form.fields.filter(f => new RegExp(`['"\u2018\u201c]${f.id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}['"\u2019\u201d]`).test(message)).map(f => [f.id, message]));
}

/**
 * A report form an inject asks for instead of free text: every field of its type, required ones marked,
 * checked here first and by the server (its refusal shown at the fields it names). Sent through the outbox
 * like a decision; once recorded, the report is shown and can be forwarded along the reporting chain.
 */
export function ReportFormView({ model, d, form }: { model: ExerciseModel; d: Delivery; form: ReportForm }) {
  const about = `report:${d.injectId}`;
  const [draft, setDraft] = useState<Draft>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [note, setNote] = useState<string | null>(null);
  const once = useOnce();
  const refused = model.outbox.waitingAt(about).filter(i => i.refused).at(-1);
  const shown = { ...serverErrors(form, refused?.refused?.message), ...errors };
  const set = (id: string, value: string) => {
    setDraft({ ...draft, [id]: value });
    if (errors[id]) setErrors(({ [id]: _, ...rest }) => rest);
  };
  const submit = (e: Event) => {
    e.preventDefault();
    const found = check(form, draft);
    setErrors(found);
    if (Object.keys(found).length) return;
    once(async () => {
      // A new report replaces the refused one: its errors were about the answers now corrected.
      for (const old of model.outbox.waitingAt(about).filter(i => i.refused)) await model.outbox.dismiss(old);
      await model.outbox.enqueue("SubmitReport", [d.injectId, answersOf(form, draft)], about)
        .then(() => { setNote(null); setDraft({}); }, err => setNote((err as Error).message));
    });
  };
  const latest = d.reports.at(-1);
  return (
    <div class="report" data-testid="report">
      <form class="report-form" onSubmit={submit} noValidate aria-labelledby="report-h" data-testid="report-form">
        <h3 id="report-h">{loc(form.title)}</h3>
        <p class="small"><span class="required" aria-hidden="true">*</span> {t("form.requiredMark")}</p>
        {form.fields.map(f => <Field key={f.id} field={f} value={draft[f.id] ?? ""} set={v => set(f.id, v)} error={shown[f.id]} />)}
        <button type="submit" class="primary" data-testid="report-submit">{t("form.submit")}</button>
      </form>
      <Waiting model={model} about={about} />
      <Note model={model} about={about} note={note} />
      {latest ? (
        <section class="submitted" data-testid="report-submitted" data-seq={latest.seq}>
          <h3>{t("form.submitted", latest.seq)}</h3>
          <AnswerList form={form} answers={latest.payload?.answers ?? []} testid="report-answers" />
          <ForwardReport model={model} d={d} reportSeq={latest.seq} title={loc(form.title)} />
        </section>
      ) : null}
    </div>
  );
}

function Field({ field: f, value, set, error }: { field: FormField; value: string; set: (v: string) => void; error?: string }) {
  const id = `field-${f.id}`;
  const described = [f.help ? `${id}-help` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  const common = { id, "aria-required": f.required, "aria-invalid": !!error, "aria-describedby": described, "data-testid": id };
  const label = <>{loc(f.label)}{f.required ? <span class="required" title={t("form.requiredMark")}> *</span> : null}</>;
  const radios = (options: [string, string][]) => (
    <fieldset class="field radios" data-field={f.id} aria-invalid={!!error} aria-describedby={described}>
      <legend>{label}</legend>
      {options.map(([v, text]) => (
        <label key={v} class="option"><input type="radio" name={id} value={v} checked={value === v} onChange={() => set(v)} data-testid={`${id}-${v}`} />{text}</label>
      ))}
      <Help field={f} id={id} error={error} />
    </fieldset>
  );
  switch (f.type) {
    case "yes-no": return radios([["yes", t("form.yes")], ["no", t("form.no")]]);
    case "severity": return radios(LEVELS.map(l => [String(l), String(l)]));
    default:
      return (
        <div class="field" data-field={f.id}>
          <label for={id}>{label}</label>
          {f.type === "choice" ? (
            <select {...common} value={value} onChange={e => set((e.target as HTMLSelectElement).value)}>
              <option value="">—</option>
              {(f.options ?? []).map(o => <option key={o.id} value={o.id}>{loc(o.text)}</option>)}
            </select>
          ) : f.type === "number" ? (
            <input {...common} type="number" step="any" min={f.min ?? undefined} max={f.max ?? undefined} value={value} onInput={e => set((e.target as HTMLInputElement).value)} />
          ) : f.type === "date-time" ? (
            <input {...common} type="datetime-local" value={value} onInput={e => set((e.target as HTMLInputElement).value)} />
          ) : (
            <textarea {...common} rows={3} maxLength={f.maxLength ?? undefined} value={value} onInput={e => set((e.target as HTMLTextAreaElement).value)} />
          )}
          <Help field={f} id={id} error={error} />
        </div>
      );
  }
}

function Help({ field, id, error }: { field: FormField; id: string; error?: string }) {
  return (
    <>
      {field.help ? <p class="small" id={`${id}-help`}>{loc(field.help)}</p> : null}
      {error ? <p class="field-error" role="alert" id={`${id}-error`} data-testid={`${id}-error`}>{error}</p> : null}
    </>
  );
}
