using CiExercise.Contracts.Scenarios;

namespace CiExercise.Contracts.Exercises;

/// <summary>The kind of a post in the simulated news and social feed. Kebab case in the API.</summary>
public enum FeedKind
{
    News,
    Social,

    /// <summary>An organization's press statement (OrganizationId), published by one of its participants.</summary>
    Statement,
}

/// <summary>
/// A post in the feed that is not a scripted inject: written live by the control cell (news or social, any outlet
/// and handle) or an organization's press statement. Every participant sees it; it is marked EXERCISE like the rest.
/// </summary>
[GenerateSerializer, Immutable, Alias("ciex.FeedPost")]
public sealed record FeedPost(
    [property: Id(0)] FeedKind Kind,
    [property: Id(1)] string Outlet,
    [property: Id(2)] string? Handle,
    [property: Id(3)] string Headline,
    [property: Id(4)] string Body,
    [property: Id(5)] string? OrganizationId);
