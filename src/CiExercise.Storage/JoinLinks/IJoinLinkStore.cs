namespace CiExercise.Storage.JoinLinks;

/// <summary>The join_links table: what the server issued, so that any node can revoke and check a token.</summary>
public interface IJoinLinkStore
{
    /// <summary>Stores the links in one transaction, a few hundred per statement: all of them or none.</summary>
    Task AddAsync(IReadOnlyList<JoinLink> links, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores links issued under a request's idempotency key, in one transaction, in the order given; false, with
    /// nothing stored, when links were issued under that key already (a retry that raced the first request).
    /// </summary>
    Task<bool> AddAsync(IReadOnlyList<JoinLink> links, IssueKey key, CancellationToken cancellationToken = default);

    /// <summary>The links issued under the key, in the order they were asked for, with that request's fingerprint; null when none were.</summary>
    Task<IssuedUnderKey?> FindByKeyAsync(string requestKey, CancellationToken cancellationToken = default);

    Task<JoinLink?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The links of one exercise, oldest first.</summary>
    Task<IReadOnlyList<JoinLink>> ListAsync(string exerciseId, CancellationToken cancellationToken = default);

    /// <summary>Revokes the link (a second revoke keeps the first time); the link as it is now, or null when there is none.</summary>
    Task<JoinLink?> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks a one-time link used, atomically: true for exactly one caller, and only while the link is
    /// unused, unrevoked and unexpired at the moment given.
    /// </summary>
    Task<bool> TryUseAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Whether any link of this kind was ever issued (revoked, expired or used ones count).</summary>
    Task<bool> AnyOfKindAsync(string kind, CancellationToken cancellationToken = default);
}
