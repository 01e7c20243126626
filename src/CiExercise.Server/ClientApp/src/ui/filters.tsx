import { useState } from "preact/hooks";
import type { ExerciseModel } from "../exercise";
import { t } from "../i18n";
import { sectorName } from "./parts";

/** What a long list of organizations (or injects) is narrowed to: a search text, a sector and a status. */
export interface ListFilter { text: string; sector: string; status: string }

export function useListFilter(): [ListFilter, (patch: Partial<ListFilter>) => void] {
  const [filter, set] = useState<ListFilter>({ text: "", sector: "", status: "" });
  return [filter, patch => set(f => ({ ...f, ...patch }))];
}

/** Whether an organization's id or name (in either language) contains the text, ignoring case. */
export function orgMatches(model: ExerciseModel, orgId: string, text: string): boolean {
  if (!text) return true;
  const needle = text.trim().toLowerCase();
  const o = model.organization(orgId);
  return [orgId, o?.name.en, o?.name.ja].some(s => s?.toLowerCase().includes(needle));
}

/** Search, sector and status: prefix names the inputs' test ids (prefix-search, prefix-sector, prefix-status). */
export function FilterBar({ model, filter, set, statuses, prefix, found }: {
  model: ExerciseModel;
  filter: ListFilter;
  set: (patch: Partial<ListFilter>) => void;
  statuses: string[];
  prefix: string;
  found: number;
}) {
  const sectors = [...new Set(model.organizations.map(o => o.sector))];
  return (
    <div class="filters" role="search">
      <label>{t("search")} <input type="search" value={filter.text} placeholder={t("searchOrg")} data-testid={`${prefix}-search`}
        onInput={e => set({ text: (e.target as HTMLInputElement).value })} /></label>
      <label>{t("sector")} <select value={filter.sector} data-testid={`${prefix}-sector`} onChange={e => set({ sector: (e.target as HTMLSelectElement).value })}>
        <option value="">{t("all")}</option>
        {sectors.map(s => <option key={s} value={s}>{sectorName(s)}</option>)}
      </select></label>
      <label>{t("status")} <select value={filter.status} data-testid={`${prefix}-status`} onChange={e => set({ status: (e.target as HTMLSelectElement).value })}>
        <option value="">{t("all")}</option>
        {statuses.map(s => <option key={s} value={s}>{t(`filter.${s}` as never)}</option>)}
      </select></label>
      <span class="small found" data-testid={`${prefix}-found`}>{t("found", found)}</span>
    </div>
  );
}
