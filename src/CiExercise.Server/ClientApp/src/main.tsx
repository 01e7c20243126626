import { render } from "preact";
import "./styles.css";
import { Controller, ExercisePicker } from "./consoles/Controller";
import { Evaluator } from "./consoles/Evaluator";
import { Join } from "./consoles/Join";
import { Landing } from "./consoles/Landing";
import { Observer } from "./consoles/Observer";
import { Participant } from "./consoles/Participant";
import { Review } from "./review/Review";
import { t } from "./i18n";
import { homeOf, loadSession } from "./session";
import { Message } from "./ui/Shell";

/** Picks the console from the path; each console checks that it fits the signed-in principal. */
function App() {
  const path = location.pathname.replace(/\/+$/, "") || "/";
  if (path === "/join") return <Join />;
  const session = loadSession();
  if (!session) return path === "/" ? <Landing /> : <Message text={t("notSignedIn")} />;
  const p = session.principal;
  const control = /^\/control(?:\/([^/]+))?$/.exec(path);
  if (control && p.kind === "controller") {
    const id = control[1] ?? p.exerciseId;
    return id ? <Controller id={decodeURIComponent(id)} principal={p} /> : <ExercisePicker />;
  }
  // The review: staff at /review/{id}; a participant at /review, its own exercise only (the server checks it has ended).
  const review = /^\/review(?:\/([^/]+))?$/.exec(path);
  const reviewed = review?.[1] ? decodeURIComponent(review[1]) : p.exerciseId;
  if (review && reviewed && (p.kind === "controller" || reviewed === p.exerciseId)) return <Review id={reviewed} principal={p} />;
  if (path === "/console" && p.kind === "participant" && p.exerciseId) return <Participant principal={p} id={p.exerciseId} />;
  if (path === "/evaluate" && p.kind === "evaluator" && p.exerciseId) return <Evaluator id={p.exerciseId} principal={p} />;
  if (path === "/observe" && p.exerciseId && p.kind !== "participant") return <Observer id={p.exerciseId} />;
  location.replace(homeOf(p));
  return null;
}

render(<App />, document.getElementById("app")!);

// Lets the page load again without the network (public/sw.js). Browsers allow service workers only in a
// secure context: over plain HTTP to a server name, the outbox still works, a reload while offline does not.
if ("serviceWorker" in navigator && isSecureContext) void navigator.serviceWorker.register("/sw.js").catch(() => undefined);
