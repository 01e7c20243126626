import { useState } from "preact/hooks";
import { type ReceivedCheck, useChecks } from "../checks";
import type { ExerciseModel } from "../exercise";
import { t } from "../i18n";
import { orgName } from "../ui/parts";
import { Note, Waiting } from "../ui/Waiting";

/** The communication checks that reached this organization: acknowledge each, and pass it on where the chain goes on. */
export function CheckInbox({ model, orgId }: { model: ExerciseModel; orgId: string }) {
  const received = useChecks(model).receivedBy(orgId);
  if (!received.length) return null;
  return (
    <section class="panel check-inbox" aria-labelledby="check-inbox-h" data-testid="check-inbox">
      <h2 id="check-inbox-h">{t("commCheck")}</h2>
      {received.map(r => <ReceivedItem key={r.id} model={model} r={r} />)}
    </section>
  );
}

function ReceivedItem({ model, r }: { model: ExerciseModel; r: ReceivedCheck }) {
  const [note, setNote] = useState<string | null>(null);
  const about = `check:${r.id}`;
  const act = (method: string) => model.outbox.enqueue(method, [r.id], about, true)
    .then(() => setNote(null), e => setNote((e as Error).message));
  const waiting = (method: string) => model.outbox.pending(method, about);
  return (
    <article class="received-check" data-check={r.id} data-acknowledged={r.ackSeq !== undefined} data-passed={r.passedSeq !== undefined}>
      <p><span class="mark small-mark">{t("exercise")}</span> <strong>{r.message}</strong></p>
      <p class="small">{t("checkFrom")}: {r.from ? orgName(model, r.from) : t("controlCell")}</p>
      <p>
        {r.ackSeq !== undefined
          ? <span class="pill pill-acknowledged" data-testid="check-acknowledged">{t("acknowledgedBy", r.ackBy ?? "")}</span>
          : waiting("AcknowledgeCheck") ? null
          : <button type="button" class="primary" onClick={() => act("AcknowledgeCheck")} data-testid="check-acknowledge">{t("acknowledge")}</button>}
        {" "}
        {r.passOnTo.length === 0 ? null : r.passedSeq !== undefined
          ? <span class="pill pill-answered" data-testid="check-passed">{t("passedOn", r.passOnTo.length)}</span>
          : waiting("PassOnCheck") ? null
          : <button type="button" onClick={() => act("PassOnCheck")} data-testid="check-pass-on">{t("passOn", r.passOnTo.length)}</button>}
      </p>
      {r.passOnTo.length ? <p class="small">{t("passOnTo")}: {r.passOnTo.slice(0, 12).map(o => orgName(model, o)).join(", ")}{r.passOnTo.length > 12 ? ` +${r.passOnTo.length - 12}` : ""}</p> : null}
      <Waiting model={model} about={about} />
      <Note model={model} about={about} note={note} />
    </article>
  );
}
