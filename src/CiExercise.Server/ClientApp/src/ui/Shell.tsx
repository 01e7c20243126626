import type { ComponentChildren } from "preact";
import { useRef } from "preact/hooks";
import type { ExerciseModel } from "../exercise";
import { lang, t, toggleLang, useLang } from "../i18n";
import { forgetKeptState } from "../idb";
import { clearSession } from "../session";
import { spanText, storyText, wallText } from "../time";
import { useShortcuts, useTick } from "./hooks";

/** The EXERCISE marking, shown on every screen whatever else is on it. */
export function ExerciseBanner() {
  useLang();
  return <div class="exercise-banner" role="note" data-testid="exercise-banner">{t("exerciseBanner")}</div>;
}

export function HaltBanner({ model }: { model: ExerciseModel }) {
  if (model.clock.status !== "halted") return null;
  return (
    <div class="halt-banner" role="alert" data-testid="halt-banner">
      <strong>{t("haltBanner")}</strong>
      {model.clock.haltReason ? <span> — {t("reason")}: {model.clock.haltReason}</span> : null}
    </div>
  );
}

/** The server ended this connection: the sign-in is over (a new link is needed), or it holds too many consoles open. */
export function ClosedBanner({ model }: { model: ExerciseModel }) {
  if (model.feed.connection !== "closed") return null;
  const reason = model.feed.closedReason;
  return (
    <div class="halt-banner closed-banner" role="alert" data-testid="closed" data-reason={reason}>
      {reason === "connection-limit"
        ? <><strong>{t("closed.connection-limit")}</strong> {t("closed.connection-limit-next")}</>
        : <><strong>{t(reason === "token-expired" ? "closed.expired" : "closed.revoked")}</strong> {t("closed.next")}</>}
    </div>
  );
}

export function ConnectionBadge({ model }: { model: ExerciseModel }) {
  const state = model.feed.connection;
  // What the console shows, for tests and support: how many events, up to which seq, and their seqs' sum
  // (with the count, a skipped or doubled event changes it).
  const events = model.feed.events;
  return (
    <span class={`conn conn-${state}`} role="status" aria-live="polite" data-testid="connection" data-state={state}
      data-events={events.length} data-last-seq={model.feed.lastSeq} data-seq-sum={events.reduce((sum, e) => sum + e.seq, 0)}>
      <span class="dot" aria-hidden="true" />
      {t(`conn.${state}`)}
    </span>
  );
}

export function Clocks({ model, wall = false }: { model: ExerciseModel; wall?: boolean }) {
  useTick(500);
  const c = model.clock;
  return (
    <div class="clocks" data-testid="clock">
      <div>
        <span class="label">{t("scenarioTime")}</span>
        <span class="big" data-testid="story-time">{storyText(c.storyNow(), lang())}</span>
        <span class="small">{t("elapsed")} <span data-testid="scenario-elapsed">{spanText(c.scenarioNow())}</span></span>
      </div>
      {wall ? (
        <div>
          <span class="label">{t("wallTime")}</span>
          <span class="big">{wallText(c.serverWallNow(), lang())}</span>
        </div>
      ) : null}
      <div>
        <span class="label">{t("status")}</span>
        <span class={`status status-${c.status}`} data-testid="exercise-status" data-status={c.status}>{t(`status.${c.status}`)}</span>
        <span class="small">{t("speed")} ×{c.speed}</span>
      </div>
    </div>
  );
}

/** Every console's frame: the markings, the header with clock, connection and language, and help. */
export function Shell(props: { title: string; model?: ExerciseModel; who?: string; help: string[]; wall?: boolean; children: ComponentChildren }) {
  useLang();
  const help = useRef<HTMLDialogElement>(null);
  useShortcuts({ "?": () => help.current?.showModal(), l: toggleLang });
  return (
    <>
      <a class="skip" href="#main">{t("skip")}</a>
      <ExerciseBanner />
      {props.model ? <HaltBanner model={props.model} /> : null}
      {props.model ? <ClosedBanner model={props.model} /> : null}
      <header class="top">
        <div class="brand">
          <span class="mark">{t("exercise")}</span>
          <h1>{props.title}</h1>
          {props.who ? <span class="who" data-testid="who">{props.who}</span> : null}
        </div>
        {props.model ? <Clocks model={props.model} wall={props.wall} /> : null}
        <div class="tools">
          {props.model ? <ConnectionBadge model={props.model} /> : null}
          <button type="button" onClick={toggleLang} title={t("languageLabel")} data-testid="lang">{t("language")}</button>
          <button type="button" onClick={() => help.current?.showModal()}>{t("shortcuts")}</button>
          <button type="button" onClick={() => { clearSession(); void forgetKeptState().finally(() => location.assign("/")); }}>{t("signOut")}</button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>{props.children}</main>
      <dialog ref={help} aria-labelledby="help-title">
        <h2 id="help-title">{t("shortcuts")}</h2>
        <ul>{[t("help.global"), ...props.help].map(line => <li key={line}>{line}</li>)}</ul>
        <form method="dialog"><button>{t("close")}</button></form>
      </dialog>
    </>
  );
}

export function Message({ text }: { text: string }) {
  return (
    <>
      <ExerciseBanner />
      <main id="main" class="message"><p role="alert">{text}</p></main>
    </>
  );
}
