import { useState } from "preact/hooks";
import type { ExerciseModel } from "../exercise";
import { t } from "../i18n";
import { CommandsWaiting, failure, useCommands } from "../ui/commands";

/** The control cell writes a news article or a social post live; every participant's feed shows it at once. */
export function PostForm({ model }: { model: ExerciseModel }) {
  const [kind, setKind] = useState<"news" | "social">("news");
  const [outlet, setOutlet] = useState("");
  const [handle, setHandle] = useState("");
  const [headline, setHeadline] = useState("");
  const [body, setBody] = useState("");
  const [note, setNote] = useState<string | null>(null);
  const [run, waiting] = useCommands();
  const post = (e: Event) => {
    e.preventDefault();
    run(t("news.post"), "POST", `/api/exercises/${encodeURIComponent(model.id)}/feed`, {
      kind, outlet: outlet.trim(), handle: kind === "social" ? handle.trim() || null : null, headline: headline.trim(), body: body.trim(),
    }).then(() => { setNote("✓"); setHeadline(""); setBody(""); }, err => setNote(failure(err)));
  };
  return (
    <form class="panel post-form" onSubmit={post} aria-labelledby="post-h" data-testid="post-form">
      <h2 id="post-h">{t("news.post")}</h2>
      <label>{t("kind")} <select value={kind} onChange={e => setKind((e.target as HTMLSelectElement).value as "news" | "social")} data-testid="post-kind">
        <option value="news">{t("news.kindNews")}</option>
        <option value="social">{t("news.kindSocial")}</option>
      </select></label>
      <label>{t(kind === "social" ? "news.author" : "news.outlet")} <input value={outlet} maxLength={100} onInput={e => setOutlet((e.target as HTMLInputElement).value)} data-testid="post-outlet" /></label>
      {kind === "social" ? <label>{t("news.handle")} <input value={handle} maxLength={50} placeholder="@" onInput={e => setHandle((e.target as HTMLInputElement).value)} data-testid="post-handle" /></label> : null}
      <label>{t("news.headline")} <input value={headline} maxLength={200} onInput={e => setHeadline((e.target as HTMLInputElement).value)} data-testid="post-headline" /></label>
      <label>{t("news.body")} <textarea rows={3} value={body} maxLength={4000} onInput={e => setBody((e.target as HTMLTextAreaElement).value)} data-testid="post-body" /></label>
      <button type="submit" disabled={!outlet.trim() || !headline.trim() || !body.trim()} data-testid="post-publish">{t("news.publishDo")}</button>
      <CommandsWaiting waiting={waiting} />
      {note ? <p class="note" role="status" data-testid="post-result">{note}</p> : null}
    </form>
  );
}
