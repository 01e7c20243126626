using System.Collections.Concurrent;
using CiExercise.Storage.JoinLinks;

namespace CiExercise.Server.Identity;

/// <summary>
/// Whether a signed token is still good: its join_links row exists, is not revoked or expired, and a
/// one-time link is only good for being redeemed, once. Rows are cached for a few seconds because every
/// request asks; a revocation drops its entry at once on every node the cluster's broadcast reaches (RevocationSignal),
/// and a node it missed sees the revocation within the TTL.
/// </summary>
public sealed class TokenChecks
{
    public static readonly TimeSpan CacheTtl = TimeSpan.FromSeconds(3);

    private readonly ConcurrentDictionary<string, (JoinLink? Link, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);
    private readonly IJoinLinkStore _store;
    private readonly TimeProvider _time;

    public TokenChecks(IJoinLinkStore store, TimeProvider time, RevocationSignal revocations)
    {
        _store = store;
        _time = time;
        revocations.Revoked += tokenId => _cache.TryRemove(tokenId, out _);
    }

    /// <summary>Why the token is refused, or null when it is good. Redeeming is the only use of a one-time link.</summary>
    public async Task<string?> RefusalAsync(string? tokenId, bool redeeming, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(tokenId)) return "the token has no id";
        var now = _time.GetUtcNow();
        var link = await FindAsync(tokenId, now, cancellationToken);
        if (link is null) return "the token was not issued by this deployment";
        if (link.RevokedAt is not null) return "the token was revoked";
        if (link.ExpiresAt <= now) return "the token has expired";
        if (link.OneTime && link.UsedAt is not null) return "the one-time link was already used";
        if (link.OneTime && !redeeming) return "a one-time link must be redeemed first";
        return null;
    }

    /// <summary>For live sessions (the hub): whether the token is still good for anything but redeeming.</summary>
    public async Task<bool> IsActiveAsync(string? tokenId, CancellationToken cancellationToken) =>
        await RefusalAsync(tokenId, redeeming: false, cancellationToken) is null;

    /// <summary>Drops the cached row, after this node changed it (a one-time link was used).</summary>
    public void Forget(string tokenId) => _cache.TryRemove(tokenId, out _);

    private async Task<JoinLink?> FindAsync(string tokenId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(tokenId, out var cached) && cached.Until > now) return cached.Link;
        var link = await _store.GetAsync(tokenId, cancellationToken);
        _cache[tokenId] = (link, now + CacheTtl);
        return link;
    }
}
