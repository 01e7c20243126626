using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Ports;
using CiExercise.Contracts.Scenarios;
using CiExercise.Server.Identity;

namespace CiExercise.Server.Feed;

/// <summary>
/// The feed as the principal may see it, read from the record: the news and social-media injects that reached the
/// participant (staff: every one fired) and the live posts and press statements everyone sees, in seq order.
/// A participant's page is read from its organization's rows and the public ones (the visible-events query), as
/// /events is; staff's from the exercise-level rows, where firings and posts are.
/// </summary>
public sealed class FeedReader(IEventLog log, IGrainFactory grains)
{
    public async Task<FeedPage> ReadAsync(string exerciseId, Scenario scenario, ExercisePrincipal principal, long after, int limit,
        CancellationToken cancellationToken)
    {
        var injects = (await grains.GetGrain<IExerciseGrain>(exerciseId).GetView()).Injects.ToDictionary(s => s.Inject.Id, s => s.Inject);
        FeedItem? ToItem(ExerciseEvent e) => e.Kind switch
        {
            EventKind.FeedPosted => Posted(e, scenario),
            EventKind.InjectFired when principal.IsStaff => Scripted(e, injects),
            EventKind.InjectDelivered when !principal.IsStaff && EventAudience.CanSee(principal, e) => Scripted(e, injects),
            _ => null,
        };

        if (principal.IsStaff)
        {
            var items = (await log.ReadExerciseLevelAsync(exerciseId, cancellationToken))
                .Where(e => e.Seq > after).Select(ToItem).OfType<FeedItem>().Take(limit + 1).ToList();
            var page = items.Take(limit).ToArray();
            return new FeedPage(page, page.Length > 0 ? page[^1].Seq : after, items.Count > limit);
        }

        // One row more than asked tells whether another page follows; NextAfter is the last row read, shown or not.
        var rows = await log.ReadVisibleAsync(exerciseId, principal.OrganizationId!, after, limit + 1, cancellationToken);
        var read = rows.Take(limit).ToList();
        return new FeedPage(read.Select(ToItem).OfType<FeedItem>().ToArray(), read.Count > 0 ? read[^1].Seq : after, rows.Count > limit);
    }

    private static FeedItem Posted(ExerciseEvent e, Scenario scenario)
    {
        var post = ScenarioJson.Deserialize<FeedPostedPayload>(e.Payload).Post;
        var outlet = post.OrganizationId is { } org && scenario.FindOrganization(org) is { } organization
            ? organization.Name : new LocalizedText(post.Outlet, post.Outlet);
        return new FeedItem(e.Seq, post.Kind, e.WallTime, e.ScenarioTime, outlet, post.Handle,
            new LocalizedText(post.Headline, post.Headline), new LocalizedText(post.Body, post.Body), null, post.OrganizationId, e.Actor.Id);
    }

    /// <summary>A news or social-media inject as a feed item; null for an inject of any other channel.</summary>
    private static FeedItem? Scripted(ExerciseEvent e, IReadOnlyDictionary<string, Inject> injects)
    {
        if (e.InjectId is null || !injects.TryGetValue(e.InjectId, out var inject)) return null;
        FeedKind? kind = inject.Channel switch
        {
            Channel.News => FeedKind.News,
            Channel.SocialMedia => FeedKind.Social,
            _ => null,
        };
        return kind is null ? null
            : new FeedItem(e.Seq, kind.Value, e.WallTime, e.ScenarioTime, inject.Outlet ?? inject.From, inject.Handle, inject.Title, inject.Body,
                inject.Id, null, null);
    }
}
