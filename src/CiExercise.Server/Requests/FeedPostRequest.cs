using CiExercise.Contracts.Exercises;

namespace CiExercise.Server.Requests;

/// <summary>A live post of the control cell in the news and social feed: news (an outlet) or social (a handle too).</summary>
public sealed record FeedPostRequest(FeedKind? Kind, string? Outlet, string? Handle, string? Headline, string? Body, string? ClientActionId)
    : IKeyedRequest;
