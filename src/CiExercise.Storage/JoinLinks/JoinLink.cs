namespace CiExercise.Storage.JoinLinks;

/// <summary>
/// A token the server issued, without the token: its id is the token's jti. ExerciseId is null only for a
/// controller of every exercise. A one-time link (the first controller's sign-in link) is good for one
/// redeem, which sets UsedAt; every other link is a bearer token until it expires or is revoked.
/// Kind is the principal kind in lower case (controller, participant, evaluator, observer). Email is what a
/// roster import gave a participant (for the mail-merge export); it is never part of the token.
/// </summary>
public sealed record JoinLink(
    string Id,
    string? ExerciseId,
    string Kind,
    string? OrganizationId,
    string? Role,
    string Name,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt,
    string CreatedBy,
    bool OneTime,
    DateTimeOffset? UsedAt,
    string? Email = null)
{
    /// <summary>Whether the token may still be used at the moment given (not revoked, not expired, not used up).</summary>
    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now && !(OneTime && UsedAt is not null);
}
