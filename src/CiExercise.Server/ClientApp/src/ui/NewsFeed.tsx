import type { ExerciseModel } from "../exercise";
import { loc, t } from "../i18n";
import type { LiveEvent } from "../model";
import { parseSpan, spanText } from "../time";
import { orgName } from "./parts";

/** One item of the feed as it is shown, whichever way it came: a scripted inject or a live post. */
interface Story {
  seq: number;
  kind: "news" | "social" | "statement";
  outlet: string;
  handle: string;
  headline: string;
  body: string;
  at: string;
  injectId?: string;
}

/** A news or social-media inject (delivered or, for staff, fired), or a feed-posted row, as a story. */
export function storyOf(model: ExerciseModel, e: LiveEvent): Story {
  const at = spanText(parseSpan(e.scenarioTime));
  if (e.kind === "feed-posted") {
    const post = e.payload?.post ?? {};
    const statement = post.kind === "statement";
    return {
      seq: e.seq, kind: post.kind ?? "news", at, headline: post.headline ?? "", body: post.body ?? "",
      outlet: statement ? orgName(model, post.organizationId) || post.outlet : post.outlet ?? "", handle: post.handle ?? "",
    };
  }
  const inject = model.injects.get(e.injectId ?? "") ?? e.inject;
  return {
    seq: e.seq, kind: inject?.channel === "social-media" ? "social" : "news", at, injectId: e.injectId ?? undefined,
    outlet: loc(inject?.outlet) || loc(inject?.from), handle: inject?.handle ?? "",
    headline: loc(inject?.title), body: loc(inject?.body),
  };
}

/**
 * The simulated media, newest first: a news site (outlet, headline, time, the article; press statements among
 * them) beside a social timeline (author, handle, time, the post). Image-free, every item marked EXERCISE.
 */
export function NewsFeed({ model, children }: { model: ExerciseModel; children?: preact.ComponentChildren }) {
  const stories = model.feedItems.map(e => storyOf(model, e)).reverse();
  const news = stories.filter(s => s.kind !== "social");
  const social = stories.filter(s => s.kind === "social");
  return (
    <div class="newsfeed" data-testid="newsfeed">
      <section class="panel news-site" aria-labelledby="news-h">
        <h2 id="news-h" class="masthead">{t("news.site")} <span class="mark small-mark">{t("exercise")}</span></h2>
        {news.length === 0 ? <p class="empty">{t("news.none")}</p> : null}
        <ol class="articles" data-testid="feed-news">
          {news.map(s => (
            <li key={s.seq} class={`article article-${s.kind}`} data-seq={s.seq} data-kind={s.kind} data-inject={s.injectId}>
              <span class="mark small-mark">{t("exercise")}</span>
              <p class="outlet">{s.kind === "statement" ? `${t("news.statement")} · ${s.outlet}` : s.outlet}</p>
              <h3 class="headline">{s.headline}</h3>
              <p class="byline small"><time>{s.at}</time></p>
              <p class="lede">{s.body}</p>
            </li>
          ))}
        </ol>
      </section>
      <section class="panel social" aria-labelledby="social-h">
        <h2 id="social-h">{t("news.social")} <span class="mark small-mark">{t("exercise")}</span></h2>
        {social.length === 0 ? <p class="empty">{t("news.noPosts")}</p> : null}
        <ol class="posts" data-testid="feed-social">
          {social.map(s => (
            <li key={s.seq} class="post" data-seq={s.seq} data-kind="social" data-inject={s.injectId}>
              <span class="avatar" aria-hidden="true">{(s.outlet || s.handle.replace(/^@/, "") || "?").slice(0, 1).toUpperCase()}</span>
              <div>
                <p class="author"><strong>{s.outlet}</strong> <span class="handle">{s.handle}</span> · <time class="small">{s.at}</time>
                  {" "}<span class="mark small-mark">{t("exercise")}</span></p>
                {s.headline ? <p class="post-head">{s.headline}</p> : null}
                <p class="post-body">{s.body}</p>
              </div>
            </li>
          ))}
        </ol>
      </section>
      {children}
    </div>
  );
}
