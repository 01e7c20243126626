using CiExercise.Contracts.Exercises;

namespace CiExercise.Contracts.Events.Payloads;

/// <summary>A live post or press statement in the feed, with the poster's key (a resend is answered with this post).</summary>
public sealed record FeedPostedPayload(FeedPost Post, string? ClientActionId = null, string? Fingerprint = null);
