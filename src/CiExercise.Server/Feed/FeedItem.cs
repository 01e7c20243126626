using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Server.Feed;

/// <summary>
/// One item of the news and social feed, scripted or live, as a console shows it: a news article (outlet), a social
/// post (outlet: the platform, Handle: its author), or an organization's press statement (OrganizationId; outlet:
/// its name). InjectId names a scripted news or social-media inject; PostedBy who wrote a live post or statement.
/// </summary>
public sealed record FeedItem(
    long Seq,
    FeedKind Kind,
    DateTimeOffset WallTime,
    TimeSpan ScenarioTime,
    LocalizedText Outlet,
    string? Handle,
    LocalizedText Headline,
    LocalizedText Body,
    string? InjectId,
    string? OrganizationId,
    string? PostedBy)
{
    /// <summary>Everything an exercise emits is marked as an exercise: no one mistakes a simulated article for news.</summary>
    public bool Exercise => true;
}

/// <summary>A page of the feed in seq order. NextAfter: the seq to ask after for the next page (the last one read).</summary>
public sealed record FeedPage(IReadOnlyList<FeedItem> Items, long NextAfter, bool HasMore);
