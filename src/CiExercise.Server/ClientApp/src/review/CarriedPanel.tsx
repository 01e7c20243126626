import { get } from "../api";
import { t } from "../i18n";
import { CarriedTable } from "./Improvement";
import { exercisePath } from "./names";
import type { CorrectiveActions } from "./types";
import { useLoad } from "./useLoad";

/**
 * On the control and evaluator consoles, before and during play: the corrective actions of earlier exercises
 * that concern this one and are still open, so that the staff watch for the same findings again.
 */
export function CarriedPanel({ id }: { id: string }) {
  const actions = useLoad(() => get<CorrectiveActions>(exercisePath(id, "/corrective-actions")), id);
  const open = (actions.data?.carried ?? []).filter(c => c.action.status === "open" || c.action.status === "in-progress");
  return (
    <section class="panel carried-panel" aria-labelledby="carried-h" data-testid="carried-panel" data-count={open.length}>
      <h2 id="carried-h">{t("ca.openCarried")}</h2>
      {actions.error ? <p class="error" role="alert">{actions.error}</p> : <CarriedTable carried={open} />}
    </section>
  );
}
