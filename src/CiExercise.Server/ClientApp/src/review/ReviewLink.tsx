import { t } from "../i18n";

/** The way from a console to its exercise's review: staff by the exercise's id, a participant to its own. */
export function ReviewLink({ id }: { id?: string }) {
  return <a class="button-link" href={id ? `/review/${encodeURIComponent(id)}` : "/review"} data-testid="review-link">{t("review.open")}</a>;
}
