using CiExercise.Contracts;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;
using CiExercise.Grains.Organizations;

namespace CiExercise.Grains.Exercises;

/// <summary>
/// Who may post what in the feed, and each text within its bound: the control cell writes news and social posts
/// (an outlet, a handle if it likes); an organization's press statement comes from one who speaks for it
/// (OrganizationVoice), under its name. The post comes back as it is stored: trimmed, the statement's outlet the
/// organization's name.
/// </summary>
internal static class FeedRules
{
    public static FeedPost Check(Scenario scenario, Actor actor, FeedPost post)
    {
        if (!Enum.IsDefined(post.Kind)) throw Rules.Invalid("feed.kind-unknown", $"A post is news, social or statement, not {post.Kind}.");
        var headline = Text(post.Headline, "headline", Limits.SubjectLength);
        var body = Text(post.Body, "body", Limits.TextLength);
        if (post.Kind == FeedKind.Statement)
        {
            var organization = scenario.FindOrganization(actor.OrganizationId ?? "")
                               ?? throw Rules.Invalid("feed.statement-needs-organization",
                                   "A press statement is an organization's: publish it as the organization (its participants, or the control cell for a simulated one).");
            if (post.OrganizationId is { } named && named != organization.Id)
                throw Rules.Invalid("actor.wrong-organization", $"{actor.Id} speaks for {organization.Id}, not for {named}.");
            OrganizationVoice.Check(organization, actor, controllerAs: true);
            return new FeedPost(FeedKind.Statement, organization.Name.In("ja"), null, headline, body, organization.Id);
        }

        if (actor.Role != Actor.ControlRole || actor.OrganizationId is not null)
            throw Rules.Invalid("feed.news-by-control-only", "News and social posts are written by the control cell; an organization publishes press statements.");
        var outlet = Text(post.Outlet, "outlet", Limits.SubjectLength);
        var handle = string.IsNullOrWhiteSpace(post.Handle) ? null : Text(post.Handle, "handle", Limits.SubjectLength);
        return new FeedPost(post.Kind, outlet, handle, headline, body, null);
    }

    private static string Text(string? text, string field, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) throw Rules.Invalid($"feed.{field}-required", $"A post needs a {field}.");
        if (text.Length > max) throw Rules.Invalid("text.too-long", $"The {field} is {text.Length} characters long; at most {max} are kept.");
        return text.Trim();
    }
}
