using Orleans.Providers;
using Orleans.Runtime;

namespace CiExercise.Server.Identity;

/// <summary>
/// Tells the parts of every node that hold live sessions (the hub, the token cache) that a token was revoked, so
/// that its connections are closed at once rather than at expiry, wherever they are. This node hears it at once;
/// the other silos of the cluster through Orleans' control command to every active silo (IManagementGrain), which
/// needs no grain of ours and reaches exactly the silos the membership table lists as active.
/// </summary>
public sealed partial class RevocationSignal(IGrainFactory grains, ILocalSiloDetails silo, TimeProvider time, ILogger<RevocationSignal> logger)
{
    /// <summary>The name <see cref="RevocationCommand"/> is registered under on every silo.</summary>
    public const string ControlName = "ciexercise.revocations";

    /// <summary>
    /// How long the revoking request waits for the other silos. A silo that died but is not yet declared dead would
    /// hold the call until Orleans' response timeout; past this the request answers, the broadcast goes on, and a
    /// node it misses still refuses the token's requests once its cache entry ages out (TokenChecks.CacheTtl).
    /// </summary>
    public static readonly TimeSpan BroadcastWait = TimeSpan.FromSeconds(5);

    public event Action<string>? Revoked;

    /// <summary>Tells this node, then every other node of the cluster.</summary>
    public async Task PublishAsync(string tokenId, CancellationToken cancellationToken)
    {
        Raise(tokenId);
        var origin = silo.SiloAddress.ToParsableString();
        var broadcast = grains.GetGrain<IManagementGrain>(0)
            .SendControlCommandToProvider<RevocationCommand>(ControlName, RevocationCommand.Revoked, new[] { origin, tokenId });
        try
        {
            await broadcast.WaitAsync(BroadcastWait, time, cancellationToken);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            // Still running (timed out) or failed: either way its outcome is this log line, not an unobserved task.
            _ = broadcast.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
            LogBroadcastFailed(logger, error, tokenId);
        }
    }

    /// <summary>This node's share of a revocation, from <see cref="PublishAsync"/> here or on another node.</summary>
    internal void Raise(string tokenId) => Revoked?.Invoke(tokenId);

    /// <summary>Whether a broadcast came from this silo, which raised it already.</summary>
    internal bool IsOwn(string origin) => origin == silo.SiloAddress.ToParsableString();

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Revocation of link {LinkId} did not reach every node of the cluster in time; a node it missed refuses the token when its cache entry expires")]
    private static partial void LogBroadcastFailed(ILogger logger, Exception error, string linkId);
}

/// <summary>
/// A revocation arriving from the cluster's control command: the origin silo and the token id. Registered as a keyed
/// IControllable named <see cref="RevocationSignal.ControlName"/>, where Orleans' SiloControl looks it up.
/// </summary>
public sealed class RevocationCommand(RevocationSignal signal) : IControllable
{
    public const int Revoked = 1;

    /// <summary>Token ids are link ids (jl- and 32 hex digits); anything much longer is not one of ours.</summary>
    private const int MaxTokenIdLength = 200;

    public Task<object?> ExecuteCommand(int command, object? arg)
    {
        if (command == Revoked && arg is string[] { Length: 2 } notice && notice[1].Length <= MaxTokenIdLength && !signal.IsOwn(notice[0]))
            signal.Raise(notice[1]);
        return Task.FromResult<object?>(null);
    }
}
