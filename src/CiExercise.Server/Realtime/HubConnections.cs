using System.Collections.Concurrent;
using CiExercise.Client.Hub;
using CiExercise.Server.Identity;
using CiExercise.Server.Throttling;
using CiExercise.Server.Realtime.Presence;
using Microsoft.AspNetCore.SignalR;

namespace CiExercise.Server.Realtime;

/// <summary>
/// The hub connections open on this node, by connection and by token, so that a revoked or expiring token
/// closes its connections at once: the console is told why (Closing) and the connection is aborted.
/// CloseOnAuthenticationExpiration stays on as a backstop for connections this registry misses. The same
/// index caps the connections one token holds open (Limits:HubConnectionsPerToken).
/// </summary>
public sealed partial class HubConnections : IDisposable
{
    private readonly ConcurrentDictionary<string, Entry> _connections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TokenConnections> _byToken = new(StringComparer.Ordinal);
    private readonly IHubContext<ExerciseHub, IExerciseHubClient> _hub;
    private readonly RevocationSignal _revocations;
    private readonly TimeProvider _time;
    private readonly NodePresence _presence;
    private readonly ILogger<HubConnections> _logger;
    private readonly int _perToken;

    public HubConnections(IHubContext<ExerciseHub, IExerciseHubClient> hub, RevocationSignal revocations, TimeProvider time,
        NodePresence presence, LimitOptions limits, ILogger<HubConnections> logger)
    {
        _perToken = limits.HubConnectionsPerToken;
        _hub = hub;
        _presence = presence;
        _revocations = revocations;
        _time = time;
        _logger = logger;
        _revocations.Revoked += OnRevoked;
    }

    public int Count => _connections.Count;

    /// <summary>The connections one token (by its link id) holds open on this node.</summary>
    internal int CountOf(string tokenId)
    {
        if (!_byToken.TryGetValue(LimitKey.Of(tokenId), out var ids)) return 0;
        lock (ids) return ids.Ids.Count;
    }

    /// <summary>Registers a connection, or refuses it (false) when its token already holds as many as it may.</summary>
    public bool TryAdd(HubCallerContext context, ExercisePrincipal principal, DateTimeOffset? expires)
    {
        var id = context.ConnectionId;
        var key = LimitKey.Of(principal);
        while (true)
        {
            var ids = _byToken.GetOrAdd(key, _ => new TokenConnections());
            lock (ids)
            {
                // Emptied and dropped from the index by Remove meanwhile: take the new one.
                if (ids.Dropped) continue;
                if (ids.Ids.Count >= _perToken) return false;
                ids.Ids.Add(id);
                break;
            }
        }
        ITimer? expiry = expires is { } at
            ? _time.CreateTimer(_ => Close(id, ClosingReasons.TokenExpired), null, Max(at - _time.GetUtcNow(), TimeSpan.Zero), Timeout.InfiniteTimeSpan)
            : null;
        _connections[id] = new Entry(context, principal, key, expiry);
        _presence.Connected(principal);
        return true;
    }

    public void Remove(string connectionId)
    {
        if (!_connections.TryRemove(connectionId, out var entry)) return;
        entry.Expiry?.Dispose();
        _presence.Disconnected(entry.Principal);
        if (!_byToken.TryGetValue(entry.Key, out var ids)) return;
        lock (ids)
        {
            ids.Ids.Remove(connectionId);
            if (ids.Ids.Count > 0) return;
            ids.Dropped = true;
            _byToken.TryRemove(new KeyValuePair<string, TokenConnections>(entry.Key, ids));
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
        if (!_byToken.TryGetValue(LimitKey.Of(tokenId), out var ids)) return;
        string[] open;
        lock (ids) open = [.. ids.Ids];
        foreach (var id in open) Close(id, ClosingReasons.TokenRevoked);
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
            if (_connections.TryGetValue(connectionId, out var entry))
            {
                // A console told why stops on its own; aborting at once could cut the message before the transport
                // sends it (seen on a busy machine), so the server waits for it to leave, a short while at most.
                try
                {
                    await Task.Delay(CloseGrace, _time, entry.Context.ConnectionAborted);
                }
                catch (OperationCanceledException)
                {
                    // It left.
                }

                // Ends the connection for good: its close message tells the client not to reconnect.
                entry.Context.Abort();
            }
        }
    }

    /// <summary>How long a closing console has to leave on its own before the server cuts it.</summary>
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(2);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed record Entry(HubCallerContext Context, ExercisePrincipal Principal, string Key, ITimer? Expiry);

    /// <summary>One token's open connections; guarded by locking it.</summary>
    private sealed class TokenConnections
    {
        public HashSet<string> Ids { get; } = new(StringComparer.Ordinal);

        public bool Dropped { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closing hub connection {ConnectionId}: {Reason}")]
    private static partial void LogClosing(ILogger logger, string connectionId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not tell hub connection {ConnectionId} why it is closed")]
    private static partial void LogCloseFailed(ILogger logger, Exception error, string connectionId);
}
