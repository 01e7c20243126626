import { useState } from "preact/hooks";
import { download, upload } from "../api";
import type { ExerciseModel } from "../exercise";
import { loc, t } from "../i18n";
import type { Localized } from "../model";

interface RosterError { row?: number | null; column?: string | null; message: string; text: string }
interface OrganizationCount { organizationId: string; name: Localized; people: number; withEmail: number }
interface RosterReport {
  dryRun: boolean; valid: boolean; format: string; encoding?: string | null; rows: number; toIssue: number;
  errorCount: number; errors: RosterError[]; organizations: OrganizationCount[]; links?: unknown[] | null;
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * Import a roster (.csv or .xlsx): the file is checked first (a dry run: every error by row and column, or
 * the people per organization), then one button issues all the links, or none if anything is wrong.
 */
export function RosterImport({ model, onIssued }: { model: ExerciseModel; onIssued: () => void }) {
  const base = `/api/exercises/${encodeURIComponent(model.id)}`;
  const [file, setFile] = useState<File | null>(null);
  const [days, setDays] = useState(7);
  const [report, setReport] = useState<RosterReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);

  const send = async (chosen: File, dryRun: boolean) => {
    setBusy(true);
    setNote(null);
    // The server tells CSV from .xlsx by content; the type only has to be one it accepts.
    const type = /\.xlsx$/i.test(chosen.name) ? XLSX : "text/csv";
    try {
      const answer = await upload<RosterReport>(`${base}/roster?dryRun=${dryRun}&expiresInDays=${days}`, chosen, type);
      setReport(answer);
      if (!dryRun) onIssued();
    } catch (e) {
      setNote((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const choose = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const chosen = input.files?.[0] ?? null;
    // Cleared, so that choosing the same file again after correcting it checks it again.
    input.value = "";
    setFile(chosen);
    setReport(null);
    if (chosen) void send(chosen, true);
  };
  const orgCsv = (orgId: string) =>
    download(`${base}/join-links.csv?organizationId=${encodeURIComponent(orgId)}`, `${model.id}-${orgId}-join-links.csv`).catch(e => setNote((e as Error).message));

  return (
    <section class="roster" aria-labelledby="roster-h" data-testid="roster">
      <h3 id="roster-h"><span class="mark small-mark">{t("exercise")}</span> {t("roster.title")}</h3>
      <p class="small">{t("roster.help")}</p>
      <div class="issue">
        <label>{t("roster.file")} <input type="file" accept=".csv,.xlsx,text/csv" onChange={choose} data-testid="roster-file" /></label>
        {file ? <span class="small" data-testid="roster-name">{file.name}</span> : null}
        <label>{t("roster.days")} <input type="number" min={1} max={30} value={days} style="width:4rem"
          onInput={e => setDays(Number((e.target as HTMLInputElement).value) || 7)} /></label>
        {report?.dryRun && report.valid && file ? (
          <button type="button" class="primary" disabled={busy} onClick={() => void send(file, false)} data-testid="roster-issue">
            {t("roster.issue", report.toIssue)}
          </button>
        ) : null}
      </div>
      {busy ? <p class="small">{t("loading")}</p> : null}
      {note ? <p class="error" role="alert">{note}</p> : null}
      {report ? <Preview report={report} orgCsv={orgCsv} /> : null}
    </section>
  );
}

function Preview({ report, orgCsv }: { report: RosterReport; orgCsv: (orgId: string) => void }) {
  const format = `${report.format}${report.encoding ? `, ${report.encoding}` : ""}`;
  if (!report.valid) {
    return (
      <div data-testid="roster-errors">
        <p class="error" role="alert">{t("roster.invalid", report.errorCount, format)}</p>
        <table>
          <thead><tr><th scope="col">{t("roster.row")}</th><th scope="col">{t("roster.column")}</th><th scope="col">{t("roster.problem")}</th></tr></thead>
          <tbody>
            {report.errors.map((e, i) => <tr key={i}><td>{e.row ?? ""}</td><td>{e.column ?? ""}</td><td>{e.message}</td></tr>)}
          </tbody>
        </table>
        {report.errorCount > report.errors.length ? <p class="small">{t("roster.more", report.errorCount - report.errors.length)}</p> : null}
      </div>
    );
  }
  return (
    <div data-testid={report.dryRun ? "roster-preview" : "roster-issued"}>
      <p class={report.dryRun ? "" : "note"} role="status">
        {report.dryRun ? t("roster.ready", report.toIssue, report.organizations.length, format) : t("roster.done", report.links?.length ?? 0)}
      </p>
      <table>
        <thead><tr><th scope="col">{t("organization")}</th><th scope="col">{t("roster.people")}</th><th scope="col">{t("roster.withEmail")}</th><th scope="col" /></tr></thead>
        <tbody>
          {report.organizations.map(o => (
            <tr key={o.organizationId}>
              <td>{loc(o.name)} <span class="small">{o.organizationId}</span></td><td>{o.people}</td><td>{o.withEmail}</td>
              <td>{report.dryRun ? null : <button type="button" onClick={() => orgCsv(o.organizationId)}>{t("roster.orgCsv")}</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
