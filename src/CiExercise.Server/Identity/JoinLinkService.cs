using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Idempotency;
using CiExercise.Storage.JoinLinks;

namespace CiExercise.Server.Identity;

/// <summary>A stored link together with its signed token, which is shown once (at issue or export) and never stored.</summary>
public sealed record IssuedLink(JoinLink Link, string Token);

/// <summary>
/// Issues, signs again and revokes the tokens the server hands out. Every token has a join_links row
/// (its id is the token's jti), so that any node can refuse it once revoked.
/// </summary>
public sealed class JoinLinkService(IJoinLinkStore store, ITokenIssuer issuer, TimeProvider time, RevocationSignal revocations)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(7);
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(30);

    /// <summary>Stores and signs links for the principals (their TokenId is ignored), all or none.</summary>
    public Task<IReadOnlyList<IssuedLink>> IssueAsync(
        IReadOnlyList<(ExercisePrincipal Principal, TimeSpan Lifetime)> requests, string createdBy, bool oneTime,
        CancellationToken cancellationToken) =>
        IssueAsync(requests.Select(r => (r.Principal, r.Lifetime, (string?)null)).ToList(), createdBy, oneTime, cancellationToken);

    /// <summary>The same, each link with the e-mail address it is for (kept for the export, never in the token).</summary>
    public async Task<IReadOnlyList<IssuedLink>> IssueAsync(
        IReadOnlyList<(ExercisePrincipal Principal, TimeSpan Lifetime, string? Email)> requests, string createdBy, bool oneTime,
        CancellationToken cancellationToken)
    {
        var links = NewLinks(requests, createdBy, oneTime);
        await store.AddAsync(links, cancellationToken);
        return links.Select(link => new IssuedLink(link, Sign(link))).ToList();
    }

    /// <summary>
    /// The same under a controller's idempotency key: the first request stores and signs the links; a retry with
    /// the same key and request signs the stored rows again (no token is stored) and is Replayed, storing nothing.
    /// </summary>
    public async Task<(IReadOnlyList<IssuedLink> Links, bool Replayed)> IssueAsync(
        IReadOnlyList<(ExercisePrincipal Principal, TimeSpan Lifetime, string? Email)> requests, string createdBy, IssueKey key,
        CancellationToken cancellationToken)
    {
        if (await FindIssuedAsync(key, cancellationToken) is { } earlier) return (earlier, true);
        var links = NewLinks(requests, createdBy, oneTime: false);
        if (!await store.AddAsync(links, key, cancellationToken)) return ((await FindIssuedAsync(key, cancellationToken))!, true);
        return (links.Select(link => new IssuedLink(link, Sign(link))).ToList(), false);
    }

    /// <summary>
    /// A one-time link stored under a key no one else uses (the server's own): null, with nothing stored, when a link
    /// is stored under it already, so that of several nodes issuing at the same moment exactly one does.
    /// </summary>
    public async Task<IssuedLink?> IssueOnceAsync(ExercisePrincipal principal, TimeSpan lifetime, string createdBy, IssueKey key,
        CancellationToken cancellationToken)
    {
        var links = NewLinks([(principal, lifetime, null)], createdBy, oneTime: true);
        return await store.AddAsync(links, key, cancellationToken) ? new IssuedLink(links[0], Sign(links[0])) : null;
    }

    /// <summary>The links issued under the key, signed again; null when none were. The key used for another request is refused.</summary>
    public async Task<IReadOnlyList<IssuedLink>?> FindIssuedAsync(IssueKey key, CancellationToken cancellationToken)
    {
        if (await store.FindByKeyAsync(key.RequestKey, cancellationToken) is not { } earlier) return null;
        if (earlier.Fingerprint != key.Fingerprint)
            throw new ExerciseRuleException(RuleKind.Unprocessable, ClientActionId.ReusedCode,
                "This idempotency key was already used to issue other links; make a new key for each request.");
        return earlier.Links.Select(link => new IssuedLink(link, Sign(link))).ToList();
    }

    /// <summary>The key links are issued under: the client's key, scoped by the exercise and the controller who asks.</summary>
    public static IssueKey KeyOf(string? exerciseId, string createdBy, string clientActionId, string fingerprint) =>
        new(ClientActionId.DedupeKey($"{exerciseId}\n{createdBy}", clientActionId), fingerprint);

    private List<JoinLink> NewLinks(
        IReadOnlyList<(ExercisePrincipal Principal, TimeSpan Lifetime, string? Email)> requests, string createdBy, bool oneTime)
    {
        var now = time.GetUtcNow();
        // One tick apart, so that lists and the CSV keep the order in which the controller asked for them.
        return requests.Select((r, i) => new JoinLink($"jl-{Guid.NewGuid():N}", r.Principal.ExerciseId, KindText(r.Principal.Kind),
            r.Principal.OrganizationId, r.Principal.Role, r.Principal.Name, now.AddTicks(i), WholeSeconds(now + r.Lifetime), null, createdBy,
            oneTime, null, r.Email)).ToList();
    }

    public async Task<IssuedLink> IssueAsync(ExercisePrincipal principal, TimeSpan lifetime, string createdBy, CancellationToken cancellationToken) =>
        (await IssueAsync([(principal, lifetime)], createdBy, oneTime: false, cancellationToken))[0];

    /// <summary>The token of a stored link, signed again with the link's own claims and times.</summary>
    public string Sign(JoinLink link) => issuer.Issue(PrincipalOf(link), link.CreatedAt, link.ExpiresAt);

    /// <summary>Revokes the link and tells the live sessions of every node; null when there is no such link.</summary>
    public async Task<JoinLink?> RevokeAsync(string linkId, CancellationToken cancellationToken)
    {
        var link = await store.RevokeAsync(linkId, time.GetUtcNow(), cancellationToken);
        if (link is not null) await revocations.PublishAsync(linkId, cancellationToken);
        return link;
    }

    public static ExercisePrincipal PrincipalOf(JoinLink link) =>
        new(Enum.Parse<PrincipalKind>(link.Kind, ignoreCase: true), link.ExerciseId, link.OrganizationId, link.Role, link.Name, link.Id);

    // A token's exp is whole seconds: the row expires with it, so the hub's expiry close and the refusal of
    // the same token agree to the second.
    private static DateTimeOffset WholeSeconds(DateTimeOffset at) => at.AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond));

    public static string KindText(PrincipalKind kind) => kind.ToString().ToLowerInvariant();
}
