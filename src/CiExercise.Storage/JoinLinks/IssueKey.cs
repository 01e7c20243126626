namespace CiExercise.Storage.JoinLinks;

/// <summary>
/// The idempotency key links are issued under (already scoped by exercise and who asked) and the fingerprint
/// of the request: a retry with both the same gets the same links back, the key with another request is refused.
/// </summary>
public sealed record IssueKey(string RequestKey, string Fingerprint);

/// <summary>The links stored under a key, in the order they were asked for, and the fingerprint of that request.</summary>
public sealed record IssuedUnderKey(string? Fingerprint, IReadOnlyList<JoinLink> Links);
