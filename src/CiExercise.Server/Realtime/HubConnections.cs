using System.Collections.Concurrent;
using CiExercise.Client.Hub;
using CiExercise.Server.Identity;
using CiExercise.Server.Realtime.Presence;
using Microsoft.AspNetCore.SignalR;

namespace CiExercise.Server.Realtime;

/// <summary>
/// The hub connections open on this node, by connection and by token, so that a revoked or expiring token
/// closes its connections at once: the console is told why (Closing) and the connection is aborted.
/// CloseOnAuthenticationExpiration stays on as a backstop for connections this registry misses.
/// </summary>
public sealed partial class HubConnections : IDisposable
{
    private readonly ConcurrentDictionary<string, Entry> _connections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _byToken = new(StringComparer.Ordinal);
    private readonly IHubContext<ExerciseHub, IExerciseHubClient> _hub;
    private readonly RevocationSignal _revocations;
    private readonly TimeProvider _time;
    private readonly NodePresence _presence;
    private readonly ILogger<HubConnections> _logger;

    public HubConnections(IHubContext<ExerciseHub, IExerciseHubClient> hub, RevocationSignal revocations, TimeProvider time,
        NodePresence presence, ILogger<HubConnections> logger)
    {
        _hub = hub;
        _presence = presence;
        _revocations = revocations;
        _time = time;
        _logger = logger;
        _revocations.Revoked += OnRevoked;
    }

    public int Count => _connections.Count;

    public void Add(HubCallerContext context, ExercisePrincipal principal, DateTimeOffset? expires)
    {
        var id = context.ConnectionId;
        ITimer? expiry = expires is { } at
            ? _time.CreateTimer(_ => Close(id, ClosingReasons.TokenExpired), null, Max(at - _time.GetUtcNow(), TimeSpan.Zero), Timeout.InfiniteTimeSpan)
            : null;
        _connections[id] = new Entry(context, principal, expiry);
        _presence.Connected(principal);
        if (principal.TokenId is { } tokenId)
            _byToken.GetOrAdd(tokenId, _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal))[id] = 0;
    }

    public void Remove(string connectionId)
    {
        if (!_connections.TryRemove(connectionId, out var entry)) return;
        entry.Expiry?.Dispose();
        _presence.Disconnected(entry.Principal);
        if (entry.TokenId is { } tokenId && _byToken.TryGetValue(tokenId, out var ids))
        {
            ids.TryRemove(connectionId, out _);
            if (ids.IsEmpty) _byToken.TryRemove(new KeyValuePair<string, ConcurrentDictionary<string, byte>>(tokenId, ids));
        }
    }

    /// <summary>
    /// Drops a connection's transport at once, as a network failure would; the client may reconnect.
    /// HubCallerContext.Abort would not do: it ends the connection with a close message that forbids
    /// reconnecting. Aborting the request's HttpContext cuts the socket (WebSockets) or the pending poll.
    /// </summary>
    public bool Abort(string connectionId)
    {
        if (!_connections.TryGetValue(connectionId, out var entry)) return false;
        if (entry.Context.GetHttpContext() is { } http) http.Abort();
        else entry.Context.Abort();
        return true;
    }

    /// <summary>Tells the console why, then aborts its connection.</summary>
    public void Close(string connectionId, string reason) => _ = CloseAsync(connectionId, reason);

    public void Dispose() => _revocations.Revoked -= OnRevoked;

    private void OnRevoked(string tokenId)
    {
        if (!_byToken.TryGetValue(tokenId, out var ids)) return;
        foreach (var id in ids.Keys) Close(id, ClosingReasons.TokenRevoked);
    }

    private async Task CloseAsync(string connectionId, string reason)
    {
        try
        {
            LogClosing(_logger, connectionId, reason);
            await _hub.Clients.Client(connectionId).Closing(reason);
        }
        catch (Exception error)
        {
            // The connection may already be gone; aborting below is what matters.
            LogCloseFailed(_logger, error, connectionId);
        }
        finally
        {
            // Ends the connection for good: its close message tells the client not to reconnect.
            if (_connections.TryGetValue(connectionId, out var entry)) entry.Context.Abort();
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed record Entry(HubCallerContext Context, ExercisePrincipal Principal, ITimer? Expiry)
    {
        public string? TokenId => Principal.TokenId;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closing hub connection {ConnectionId}: {Reason}")]
    private static partial void LogClosing(ILogger logger, string connectionId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not tell hub connection {ConnectionId} why it is closed")]
    private static partial void LogCloseFailed(ILogger logger, Exception error, string connectionId);
}
