import type { ExerciseModel } from "../exercise";
import { loc, t } from "../i18n";
import type { FieldAnswer, FormField, ReportForm } from "../model";

/** One answer in words: the choice's text, yes or no, a level, a date, a number or the text itself. */
export function answerText(field: FormField | undefined, a: FieldAnswer): string {
  if (a.choiceId != null) return loc(field?.options?.find(o => o.id === a.choiceId)?.text) || a.choiceId;
  if (a.yes != null) return t(a.yes ? "form.yes" : "form.no");
  if (a.level != null) return `${t("severity.level")} ${a.level}`;
  if (a.at != null) return new Date(a.at).toLocaleString();
  if (a.number != null) return String(a.number);
  return a.text ?? "";
}

/** A report's answers under their fields' labels (the field's id when the form is not known here). */
export function AnswerList({ form, answers, testid }: { form?: ReportForm | null; answers: FieldAnswer[]; testid?: string }) {
  return (
    <dl class="facts answers" data-testid={testid}>
      {answers.map(a => {
        const field = form?.fields.find(f => f.id === a.fieldId);
        return [<dt key={`${a.fieldId}-l`}>{loc(field?.label) || a.fieldId}</dt>, <dd key={`${a.fieldId}-v`} data-field={a.fieldId}>{answerText(field, a)}</dd>];
      })}
    </dl>
  );
}

/**
 * The report a message carries when it forwards one (its answers, with the form of the inject that asked for it
 * when this console holds that inject: staff always, a participant when it received the inject too).
 */
export function reportOf(model: ExerciseModel, p: any): { answers: FieldAnswer[]; form?: ReportForm | null } | null {
  const answers = p?.report?.answers;
  return Array.isArray(answers) && answers.length ? { answers, form: model.injects.get(p.report.injectId ?? p.regardingInjectId ?? "")?.form } : null;
}
