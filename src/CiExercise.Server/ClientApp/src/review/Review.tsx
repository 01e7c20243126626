import { useEffect, useState } from "preact/hooks";
import { get } from "../api";
import { t, useLang } from "../i18n";
import type { Principal } from "../model";
import { Shell } from "../ui/Shell";
import { Evaluation } from "./Evaluation";
import { Improvement } from "./Improvement";
import { Kpis } from "./Kpis";
import { reviewPath } from "./names";
import { Replay } from "./Replay";
import { Report } from "./Report";
import { Timeline } from "./Timeline";
import type { ExerciseReview } from "./types";
import { useLoad } from "./useLoad";

const STAFF_TABS = ["timeline", "replay", "kpis", "evaluation", "improvement", "report"] as const;
// A participant reads its own organization's record once the exercise has ended: no evaluation, no plan.
const PARTICIPANT_TABS = ["timeline", "replay", "kpis", "report"] as const;
type Tab = (typeof STAFF_TABS)[number];

/**
 * The after-action review of one exercise. The tab is kept in the address (#kpis, #report, ...) so that a
 * link or a reload opens the same one; the review itself is read once and again when a tab changes it.
 */
export function Review({ id, principal }: { id: string; principal: Principal }) {
  useLang();
  const review = useLoad(() => get<ExerciseReview>(reviewPath(id)), id);
  const tabs: readonly Tab[] = principal.kind === "participant" ? PARTICIPANT_TABS : STAFF_TABS;
  const [tab, setTab] = useState<Tab>(() => fromHash(tabs));
  useEffect(() => {
    const follow = () => setTab(fromHash(tabs));
    addEventListener("hashchange", follow);
    return () => removeEventListener("hashchange", follow);
  }, []);
  const choose = (next: Tab) => { history.replaceState(null, "", `#${next}`); setTab(next); };
  const r = review.data;
  return (
    <Shell title={`${t("reviewTitle")}${r ? ` — ${r.name}` : ""}`} help={[t("help.review")]} who={principal.name}>
      <nav class="tabs no-print" role="tablist" aria-label={t("reviewTitle")}>
        {tabs.map(x => (
          <button key={x} type="button" role="tab" aria-selected={x === tab} class={x === tab ? "tab selected" : "tab"}
            onClick={() => choose(x)} data-testid={`tab-${x}`}>{t(`review.${x}`)}</button>
        ))}
        {r ? <span class="small review-seq" data-testid="review-seq" data-last-seq={r.lastSeq}>{t("review.asOf", r.lastSeq)}</span> : null}
      </nav>
      {review.error ? <p class="error" role="alert" data-testid="error">{review.error}</p> : null}
      {!r ? (review.error ? null : <p class="empty">{t("loading")}</p>) : (
        <div class="review" data-testid={`review-${tab}`}>
          {tab === "timeline" ? <Timeline id={id} review={r} /> : null}
          {tab === "replay" ? <Replay id={id} review={r} own={principal.kind === "participant" ? principal.organizationId : null} /> : null}
          {tab === "kpis" ? <Kpis review={r} /> : null}
          {tab === "evaluation" ? <Evaluation id={id} review={r} principal={principal} reload={review.reload} /> : null}
          {tab === "improvement" ? <Improvement id={id} review={r} principal={principal} /> : null}
          {tab === "report" ? <Report id={id} review={r} /> : null}
        </div>
      )}
    </Shell>
  );
}

function fromHash(tabs: readonly Tab[]): Tab {
  const wanted = location.hash.slice(1) as Tab;
  return tabs.includes(wanted) ? wanted : tabs[0];
}
