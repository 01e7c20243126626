import { Fragment } from "preact";
import { t } from "../i18n";
import type { SeverityRating } from "../model";

const CRITERIA = ["continuity", "safety", "trust"] as const;
const LEVELS = [0, 1, 2, 3, 4];

/** The three criteria as chosen so far; a criterion not chosen yet is missing. */
export type SeverityDraft = Partial<SeverityRating>;

/** The rating once all three criteria are chosen, else null (the decision waits for it). */
export function severityOf(draft: SeverityDraft): SeverityRating | null {
  const { continuity, safety, trust } = draft;
  return continuity === undefined || safety === undefined || trust === undefined ? null : { continuity, safety, trust };
}

/**
 * The incident's severity on the national 0–4 scale, asked by an inject as part of the decision: service
 * continuity, safety and loss of trust, each 0–4; the level is the highest of the three, shown as it is chosen.
 */
export function SeverityInput({ value, set }: { value: SeverityDraft; set: (next: SeverityDraft) => void }) {
  const rating = severityOf(value);
  const level = rating ? Math.max(rating.continuity, rating.safety, rating.trust) : null;
  return (
    <fieldset class="severity-form" data-testid="severity">
      <legend>{t("severity.title")}</legend>
      <div class="levels" role="group">
        <span />
        {LEVELS.map(l => <span key={l} class="small" aria-hidden="true">{l}</span>)}
        {CRITERIA.map(c => (
          <Fragment key={c}>
            <span>{t(`severity.${c}`)}</span>
            {LEVELS.map(l => (
              <input key={`${c}-${l}`} type="radio" name={`severity-${c}`} value={l} checked={value[c] === l} aria-label={`${t(`severity.${c}`)} ${l}`} data-testid={`severity-${c}-${l}`} onChange={() => set({ ...value, [c]: l })} />
            ))}
          </Fragment>
        ))}
      </div>
      <p class={level === null ? "small" : "level"} data-testid="severity-level" data-level={level ?? ""} aria-live="polite">
        {level === null ? t("severity.choose") : t("severity.levelIs", level)}
      </p>
    </fieldset>
  );
}
