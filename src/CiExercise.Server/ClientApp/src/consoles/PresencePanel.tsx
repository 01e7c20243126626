import type { ExerciseModel } from "../exercise";
import { t } from "../i18n";
import type { Presence } from "../presence";
import { orgMatches, useListFilter } from "../ui/filters";
import { orgName, sectorName } from "../ui/parts";
import { VirtualList } from "../ui/VirtualList";

/** Who is connected now: totals, each sector's organizations with someone on, and the played organizations with nobody. */
export function PresencePanel({ model, presence }: { model: ExerciseModel; presence: Presence }) {
  const [filter, setFilter] = useListFilter();
  const view = presence.view;
  const played = view?.organizations.filter(o => !o.simulated) ?? [];
  const nobody = played.filter(o => o.connections === 0 && orgMatches(model, o.organizationId, filter.text));
  return (
    <section class="panel presence" aria-labelledby="presence-h" data-testid="presence">
      <h2 id="presence-h">{t("presence")}</h2>
      {!view ? <p class="empty">{t("presenceLoading")}</p> : (
        <>
          <p data-testid="presence-totals">
            <strong data-testid="presence-orgs">{played.filter(o => o.connections > 0).length} / {played.length}</strong> {t("orgsConnected")} ·{" "}
            <span data-testid="presence-consoles">{view.connections}</span> {t("consoles")} · {t("staffConsoles", view.controllers, view.evaluators, view.observers)}
          </p>
          <table class="compact" data-testid="presence-sectors">
            <thead><tr><th scope="col">{t("sector")}</th><th scope="col">{t("connectedOrgs")}</th><th scope="col">{t("consoles")}</th></tr></thead>
            <tbody>
              {view.sectors.map(s => (
                <tr key={s.sector} data-sector={s.sector} class={s.connected < s.organizations ? "short" : ""}>
                  <td>{sectorName(s.sector)}</td><td>{s.connected} / {s.organizations}</td><td>{s.connections}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t("nobodyConnected")} <span class="count" data-testid="nobody-count">{played.filter(o => o.connections === 0).length}</span></h3>
          <label>{t("search")} <input type="search" value={filter.text} placeholder={t("searchOrg")} data-testid="presence-search"
            onInput={e => setFilter({ text: (e.target as HTMLInputElement).value })} /></label>
          <VirtualList items={nobody} rowHeight={24} height={160} testid="nobody" row={o =>
            <span data-org={o.organizationId}>{orgName(model, o.organizationId)} <span class="small">{sectorName(o.sector)}</span></span>} />
        </>
      )}
    </section>
  );
}
