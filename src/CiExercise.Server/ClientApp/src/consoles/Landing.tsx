import { t, toggleLang, useLang } from "../i18n";
import { useShortcuts } from "../ui/hooks";
import { ExerciseBanner } from "../ui/Shell";

/**
 * The server's own address with no sign-in: what this is and how to get in. Nobody reaches a console
 * from here: every person signs in with their own join link, so the page only explains where that is.
 */
export function Landing() {
  useLang();
  useShortcuts({ l: toggleLang });
  return (
    <>
      <a class="skip" href="#main">{t("skip")}</a>
      <ExerciseBanner />
      <header class="top">
        <div class="brand">
          <span class="mark">{t("exercise")}</span>
          <h1>CiExercise</h1>
        </div>
        <div class="tools">
          <button type="button" onClick={toggleLang} title={t("languageLabel")} data-testid="lang">{t("language")}</button>
        </div>
      </header>
      <main id="main" tabIndex={-1} class="landing" data-testid="landing">
        <p class="lead">{t("landing.what")}</p>
        <p><span class="mark">{t("exercise")}</span> {t("landing.drill")}</p>
        <section class="panel">
          <h2>{t("landing.joinTitle")}</h2>
          <p>{t("landing.join")}</p>
          <p class="small">{t("landing.session")}</p>
        </section>
        <section class="panel">
          <h2>{t("landing.setupTitle")}</h2>
          <p>{t("landing.setup")}</p>
        </section>
      </main>
    </>
  );
}
