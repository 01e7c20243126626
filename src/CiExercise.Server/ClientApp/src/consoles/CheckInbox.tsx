import { useState } from "preact/hooks";
import { type ReceivedCheck, useChecks } from "../checks";
import type { ExerciseModel } from "../exercise";
import { t } from "../i18n";
import type { ActionReceipt } from "../model";
import { orgName } from "../ui/parts";

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
  const act = (method: string) => model.feed.invoke<ActionReceipt>(method, r.id, crypto.randomUUID())
    .then(x => setNote(t("recorded", x.seq)), e => setNote((e as Error).message));
  return (
    <article class="received-check" data-check={r.id} data-acknowledged={r.ackSeq !== undefined} data-passed={r.passedSeq !== undefined}>
      <p><span class="mark small-mark">{t("exercise")}</span> <strong>{r.message}</strong></p>
      <p class="small">{t("checkFrom")}: {r.from ? orgName(model, r.from) : t("controlCell")}</p>
      <p>
        {r.ackSeq !== undefined
          ? <span class="pill pill-acknowledged" data-testid="check-acknowledged">{t("acknowledgedBy", r.ackBy ?? "")}</span>
          : <button type="button" class="primary" onClick={() => act("AcknowledgeCheck")} data-testid="check-acknowledge">{t("acknowledge")}</button>}
        {" "}
        {r.passOnTo.length === 0 ? null : r.passedSeq !== undefined
          ? <span class="pill pill-answered" data-testid="check-passed">{t("passedOn", r.passOnTo.length)}</span>
          : <button type="button" onClick={() => act("PassOnCheck")} data-testid="check-pass-on">{t("passOn", r.passOnTo.length)}</button>}
      </p>
      {r.passOnTo.length ? <p class="small">{t("passOnTo")}: {r.passOnTo.slice(0, 12).map(o => orgName(model, o)).join(", ")}{r.passOnTo.length > 12 ? ` +${r.passOnTo.length - 12}` : ""}</p> : null}
      {note ? <p class="note" role="status">{note}</p> : null}
    </article>
  );
}
