import { useState } from "preact/hooks";
import type { ExerciseModel } from "../exercise";
import { loc, t } from "../i18n";
import { CommandsWaiting, failure, useCommands } from "../ui/commands";
import { spanText } from "../time";

const CHANNELS = ["email", "phone", "news", "system-alert", "report", "social-media"];

/** A controller writes an inject during play; it fires at once to the chosen organizations. */
export function AdHocForm({ model }: { model: ExerciseModel }) {
  const [everyone, setEveryone] = useState(false);
  const [to, setTo] = useState<string[]>([]);
  const [channel, setChannel] = useState("email");
  const [from, setFrom] = useState("");
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [minutes, setMinutes] = useState("");
  const [note, setNote] = useState<string | null>(null);
  const [run, waiting] = useCommands();
  const text = (s: string) => ({ ja: s, en: s });
  const fire = (e: Event) => {
    e.preventDefault();
    run(t("fire"), "POST", `/api/exercises/${encodeURIComponent(model.id)}/injects`, {
      recipients: { everyone, organizations: everyone ? [] : to, sectors: [], roles: [] },
      channel, from: text(from || t("controllerTitle")), title: text(title), body: text(body),
      responseWindow: minutes ? spanText(Number(minutes) * 60000) : null, objectives: [], choices: [],
    }).then(() => { setNote("✓"); setTitle(""); setBody(""); }, err => setNote(failure(err)));
  };
  return (
    <form class="panel adhoc" onSubmit={fire} aria-labelledby="adhoc-h">
      <h2 id="adhoc-h">{t("adhocTitle")}</h2>
      <fieldset>
        <legend>{t("recipients")}</legend>
        <label class="check"><input type="checkbox" checked={everyone} onChange={e => setEveryone((e.target as HTMLInputElement).checked)} />{t("everyone")}</label>
        <div class="recipients">
          {model.organizations.map(o => (
            <label class="check" key={o.id}>
              <input type="checkbox" disabled={everyone} checked={to.includes(o.id)}
                onChange={e => setTo((e.target as HTMLInputElement).checked ? [...to, o.id] : to.filter(x => x !== o.id))} />
              {loc(o.name)}
            </label>
          ))}
        </div>
      </fieldset>
      <label>{t("channel")} <select value={channel} onChange={e => setChannel((e.target as HTMLSelectElement).value)}>
        {CHANNELS.map(c => <option key={c}>{c}</option>)}
      </select></label>
      <label>{t("from")} <input value={from} onInput={e => setFrom((e.target as HTMLInputElement).value)} /></label>
      <label>{t("title")} <input value={title} onInput={e => setTitle((e.target as HTMLInputElement).value)} data-testid="adhoc-title" /></label>
      <label>{t("body")} <textarea rows={3} value={body} onInput={e => setBody((e.target as HTMLTextAreaElement).value)} /></label>
      <label>{t("responseWindow")} <input type="number" min="1" value={minutes} onInput={e => setMinutes((e.target as HTMLInputElement).value)} /></label>
      <button type="submit" disabled={!title.trim() || (!everyone && !to.length)}>{t("fire")}</button>
      <CommandsWaiting waiting={waiting} />
      {note ? <p class="note" role="status">{note}</p> : null}
    </form>
  );
}
