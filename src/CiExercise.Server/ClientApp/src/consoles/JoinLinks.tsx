import { useEffect, useState } from "preact/hooks";
import { download, get } from "../api";
import type { ExerciseModel } from "../exercise";
import { loc, t } from "../i18n";
import { CommandsWaiting, failure, useCommands } from "../ui/commands";
import { orgName } from "../ui/parts";
import { RosterImport } from "./RosterImport";

interface JoinLink { id: string; kind: string; organizationId?: string | null; role?: string | null; name: string; expiresAt: string; revokedAt?: string | null; email?: string | null }
interface Issued { link: JoinLink; url: string }

/** Issue join links for participants, evaluators and observers; list, revoke, and export them as CSV. */
export function JoinLinks({ model }: { model: ExerciseModel }) {
  const base = `/api/exercises/${encodeURIComponent(model.id)}/join-links`;
  const [links, setLinks] = useState<JoinLink[]>([]);
  const [issued, setIssued] = useState<Issued[]>([]);
  const [kind, setKind] = useState("participant");
  const [orgId, setOrgId] = useState("");
  const [role, setRole] = useState("");
  const [name, setName] = useState("");
  const [note, setNote] = useState<string | null>(null);
  const [run, waiting] = useCommands();
  const orgs = model.organizations;
  const roles = orgs.find(o => o.id === orgId)?.roles ?? [];
  const refresh = () => get<JoinLink[]>(base).then(setLinks, e => setNote((e as Error).message));
  useEffect(() => void refresh(), []);

  const issue = (e: Event) => {
    e.preventDefault();
    const who = kind === "participant" ? { organizationId: orgId, role } : {};
    run<Issued[]>(t("issue"), "POST", base, [{ kind, name, ...who }])
      .then(x => { setIssued(list => [...x, ...list]); setName(""); setNote(null); return refresh(); }, err => setNote(failure(err)));
  };
  const revoke = (link: JoinLink) => run(`${t("revoke")} ${link.name}`, "DELETE", `/api/join-links/${encodeURIComponent(link.id)}`)
    .then(refresh, e => setNote(failure(e)));
  const fail = (e: unknown) => setNote((e as Error).message);
  return (
    <section class="panel links" aria-labelledby="links-h">
      <h2 id="links-h">{t("joinLinks")}</h2>
      <form class="issue" onSubmit={issue}>
        <label>{t("kind")} <select value={kind} onChange={e => setKind((e.target as HTMLSelectElement).value)} data-testid="link-kind">
          {["participant", "evaluator", "observer"].map(k => <option key={k} value={k}>{t(`principal.${k}` as never)}</option>)}
        </select></label>
        {kind === "participant" ? (
          <>
            <label>{t("organization")} <select value={orgId} onChange={e => { setOrgId((e.target as HTMLSelectElement).value); setRole(""); }} data-testid="link-org">
              <option value="">—</option>
              {orgs.filter(o => !o.simulated).map(o => <option key={o.id} value={o.id}>{loc(o.name)}</option>)}
            </select></label>
            <label>{t("role")} <select value={role} onChange={e => setRole((e.target as HTMLSelectElement).value)} data-testid="link-role">
              <option value="">—</option>
              {roles.map(r => <option key={r}>{r}</option>)}
            </select></label>
          </>
        ) : null}
        <label>{t("personName")} <input value={name} onInput={e => setName((e.target as HTMLInputElement).value)} data-testid="link-name" /></label>
        <button type="submit" disabled={!name.trim() || (kind === "participant" && (!orgId || !role))} data-testid="issue-link">{t("issue")}</button>
        <button type="button" onClick={() => download(`${base}.csv`, `${model.id}-join-links.csv`).catch(fail)}>{t("downloadCsv")}</button>
        <button type="button" onClick={() => download(`${base}.zip`, `${model.id}-join-links.zip`).catch(fail)} data-testid="download-zip">{t("roster.downloadZip")}</button>
      </form>
      <CommandsWaiting waiting={waiting} />
      {note ? <p class="error" role="alert">{note}</p> : null}
      <RosterImport model={model} onIssued={() => void refresh()} />
      {issued.length ? (
        <ul class="issued" data-testid="issued-links">
          {issued.map(x => <li key={x.link.id}>{x.link.name}: <input readOnly value={x.url} aria-label={t("link")} data-testid="issued-url" onFocus={e => (e.target as HTMLInputElement).select()} /></li>)}
        </ul>
      ) : null}
      <table data-testid="links">
        <thead><tr><th scope="col">{t("personName")}</th><th scope="col">{t("kind")}</th><th scope="col">{t("organization")}</th><th scope="col">{t("role")}</th><th scope="col">{t("roster.email")}</th><th scope="col">{t("expires")}</th><th scope="col" /></tr></thead>
        <tbody>
          {links.map(l => (
            <tr key={l.id} class={l.revokedAt ? "revoked" : ""}>
              <td>{l.name}</td><td>{l.kind}</td><td>{orgName(model, l.organizationId)}</td><td>{l.role ?? ""}</td><td>{l.email ?? ""}</td>
              <td>{new Date(l.expiresAt).toLocaleString()}</td>
              <td>{l.revokedAt ? t("revoked") : <button type="button" onClick={() => void revoke(l)}>{t("revoke")}</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
