namespace CiExercise.Server.Realtime;

/// <summary>
/// Other nodes' commits, on a cluster: a grain appends on the node that hosts it, and only that node's feed hears
/// the commit. So every <see cref="Cluster.ClusterSettings.TailInterval"/> this node asks the log for the last
/// sequence number of each exercise its consoles subscribed to (one primary-key read each) and sends what is new,
/// in seq order, through the same path as its own commits, which drops what was sent already. The log is the
/// record, so nothing a node missed while it was busy or the database was away is lost: the next read brings it.
/// The exercise's counter row is updated in the transaction that appends, so a last seq read is committed with
/// every event up to it.
/// </summary>
public sealed partial class RealtimeBridge
{
    private readonly Lock _servedGate = new();
    private readonly Dictionary<string, ServedExercise> _served = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _servedTo = new(StringComparer.Ordinal);
    private bool _remoteFailing;

    /// <summary>
    /// Called by the hub before a console joins an exercise's groups and reads its replay. The first console of an
    /// exercise on this node reads the log's last seq here, before that replay reads: what the replay holds is the
    /// console's, what comes after reaches it live, and nothing falls between. Later consoles find it served.
    /// No-op on a single node, where every commit is this node's own.
    /// </summary>
    public async Task ServeAsync(string exerciseId, string connectionId, CancellationToken cancellationToken)
    {
        if (!cluster.Enabled) return;
        ServedExercise served;
        lock (_servedGate)
        {
            if (!_served.TryGetValue(exerciseId, out served!))
                _served[exerciseId] = served = new ServedExercise(Task.Run(() => StartServingAsync(exerciseId), _stopping.Token));
            served.Connections.Add(connectionId);
            if (!_servedTo.TryGetValue(connectionId, out var exercises)) _servedTo[connectionId] = exercises = new(StringComparer.Ordinal);
            exercises.Add(exerciseId);
        }

        try
        {
            await served.Started.WaitAsync(cancellationToken);
        }
        catch when (served.Started.IsFaulted || served.Started.IsCanceled)
        {
            // The log could not be read (the database is away): the next subscription tries again.
            lock (_servedGate)
                if (_served.TryGetValue(exerciseId, out var current) && current == served) _served.Remove(exerciseId);
            throw;
        }
    }

    /// <summary>The connection closed: an exercise no console of this node follows any more is no longer read.</summary>
    public void Leave(string connectionId)
    {
        if (!cluster.Enabled) return;
        lock (_servedGate)
        {
            if (!_servedTo.Remove(connectionId, out var exercises)) return;
            foreach (var exerciseId in exercises)
            {
                if (!_served.TryGetValue(exerciseId, out var served)) continue;
                served.Connections.Remove(connectionId);
                if (served.Connections.Count == 0) _served.Remove(exerciseId);
            }
        }
    }

    /// <summary>The exercises this node follows now, for tests and the cluster view.</summary>
    public IReadOnlyList<string> Served()
    {
        lock (_servedGate) return _served.Where(x => x.Value.Started.IsCompletedSuccessfully).Select(x => x.Key).ToList();
    }

    private async Task StartServingAsync(string exerciseId)
    {
        var inLog = await log.ReadLastSeqAsync(exerciseId, _stopping.Token);
        await _turn.WaitAsync(_stopping.Token);
        try
        {
            // The subscribing console's replay reads up to at least inLog, and no other console here follows the
            // exercise: what came before is not the live path's to send (a stale position would resend it all).
            if (_lastSeq.GetValueOrDefault(exerciseId) < inLog) _lastSeq[exerciseId] = inLog;
            _heardAt[exerciseId] = time.GetUtcNow();
        }
        finally
        {
            _turn.Release();
        }
    }

    private async Task TailRemoteCommitsAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(cluster.TailInterval, time, stopping);
                foreach (var exerciseId in Served())
                {
                    var inLog = await log.ReadLastSeqAsync(exerciseId, stopping);
                    await _turn.WaitAsync(stopping);
                    try
                    {
                        var last = _lastSeq.GetValueOrDefault(exerciseId);
                        if (inLog > last) await SendFromLogAsync(exerciseId, last, inLog + 1, stopping);
                    }
                    finally
                    {
                        _turn.Release();
                    }
                }

                if (_remoteFailing) LogRemoteTailRecovered(logger);
                _remoteFailing = false;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                // Once per outage, not five times a second: the next round tries again and loses nothing.
                if (!_remoteFailing) LogRemoteTailFailed(logger, error);
                _remoteFailing = true;
            }
        }
    }

    /// <summary>One exercise this node's consoles follow: the read of its starting position, and who follows it.</summary>
    private sealed class ServedExercise(Task started)
    {
        public Task Started { get; } = started;

        public HashSet<string> Connections { get; } = new(StringComparer.Ordinal);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Realtime bridge could not read other nodes' commits from the log; trying again every interval")]
    private static partial void LogRemoteTailFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Realtime bridge reads other nodes' commits from the log again")]
    private static partial void LogRemoteTailRecovered(ILogger logger);
}
