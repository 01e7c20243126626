using System.Collections.Concurrent;
using CiExercise.Cli.Load.Consoles;
using CiExercise.Cli.Load.Scenario;
using CiExercise.Client;
using CiExercise.Client.Hub;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Ports;

namespace CiExercise.Cli.Cluster;

/// <summary>
/// One participant's console through the proxy, on the product's .NET client (which merges replay and live events,
/// drops repeats and resubscribes after a reconnect). Beyond the client it does what a person at a browser does
/// when the server is away: it keeps reconnecting, subscribes again when a resubscribe was refused, opens a new
/// connection when one closes, and, for the organization's acting seat, acknowledges every delivery and sends
/// the same acknowledgement again (same key) until it is answered with a receipt.
/// </summary>
public sealed class FaultConsole : IKeptEvents, IAsyncDisposable
{
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(1);
    private readonly Uri _proxy;
    private readonly string _exerciseId;
    private readonly string _token;
    private readonly bool _acts;
    private readonly FaultMetrics _metrics;
    private readonly CancellationTokenSource _stop;
    private readonly Lock _gate = new();
    private readonly List<LoadConsole.Received> _kept = [];
    private readonly Dictionary<long, DateTimeOffset> _receivedAt = [];
    private readonly List<(DateTimeOffset At, ExerciseConnectionState State)> _states = [];
    private readonly ConcurrentDictionary<string, string> _ackKeys = new(StringComparer.Ordinal);
    private readonly List<Task> _acting = [];
    private ExerciseConnection? _connection;
    private Task _running = Task.CompletedTask;
    private long _highest;

    public FaultConsole(Seat seat, bool acts, Uri proxy, string exerciseId, string token, FaultMetrics metrics, CancellationToken stop)
    {
        (Seat, _acts, _proxy, _exerciseId, _token, _metrics) = (seat, acts, proxy, exerciseId, token, metrics);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(stop);
    }

    public Seat Seat { get; }

    /// <summary>The node (its HTTP port) the proxy sends this console to while every node is up, 0 before it is known.</summary>
    public int NodePort { get; set; }

    public IReadOnlyList<LoadConsole.Received> Kept
    {
        get { lock (_gate) return [.. _kept]; }
    }

    public long EndedSeq { get; private set; }

    public long Highest => Interlocked.Read(ref _highest);

    /// <summary>Events that arrived out of order or twice from the client (it must hand out each once, in order).</summary>
    public int OutOfOrder { get; private set; }

    /// <summary>Every acknowledgement this console was answered with a receipt for: inject, seq, whether a resend.</summary>
    public ConcurrentBag<(string InjectId, long Seq, bool Duplicate)> Receipts { get; } = [];

    /// <summary>When this console got the event with that seq, or null while it has not.</summary>
    public DateTimeOffset? ReceivedAt(long seq)
    {
        lock (_gate) return _receivedAt.TryGetValue(seq, out var at) ? at : null;
    }

    /// <summary>When the connection became live again after at, or null while it has not.</summary>
    public DateTimeOffset? LiveAfter(DateTimeOffset at)
    {
        lock (_gate) return _states.Where(s => s.At >= at && s.State == ExerciseConnectionState.Live).Select(s => (DateTimeOffset?)s.At).FirstOrDefault();
    }

    /// <summary>Whether the connection left Live after at (it lost its node, or the proxy dropped it).</summary>
    public bool DroppedAfter(DateTimeOffset at)
    {
        lock (_gate) return _states.Any(s => s.At >= at && s.State is ExerciseConnectionState.Reconnecting or ExerciseConnectionState.Closed);
    }

    public bool Live => _connection?.State == ExerciseConnectionState.Live;

    /// <summary>The organization's acting seat: it acknowledges what reaches the organization.</summary>
    public bool Acts => _acts;

    /// <summary>
    /// A message to the body this organization reports to, sent with key: the receipt, or the code it was refused
    /// with (or the failure's type when the connection could not carry it).
    /// </summary>
    public async Task<(Contracts.Exercises.ActionReceipt? Receipt, string? Refusal)> SendMessageAsync(string key)
    {
        var message = new Contracts.Exercises.OutgoingMessage([Seat.ReportsTo!], $"Status of {Seat.OrganizationId}",
            "Our systems are being checked; no impact on continuity so far.", null, null);
        try
        {
            return _connection is { } connection ? (await connection.SendMessage(_exerciseId, message, key), null) : (null, "not connected");
        }
        catch (ExerciseHubException refused)
        {
            return (null, refused.Code);
        }
        catch (Exception failure) when (!_stop.IsCancellationRequested)
        {
            return (null, failure.GetType().Name);
        }
    }

    /// <summary>When the connection last became live.</summary>
    private DateTimeOffset? LiveSince
    {
        get { lock (_gate) return _states.LastOrDefault(s => s.State == ExerciseConnectionState.Live).At is var at && at != default ? at : null; }
    }

    /// <summary>Connects and subscribes (returns once caught up the first time), then keeps the console going until disposed.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _running = Task.Run(() => RunAsync(first), CancellationToken.None);
        await first.Task.WaitAsync(cancellationToken);
    }

    private async Task RunAsync(TaskCompletionSource first)
    {
        // Bounded by _stop: the run's end. Each pass is one connection; a closed one is replaced, as a reload would.
        while (!_stop.IsCancellationRequested)
        {
            var connection = ExerciseConnection.Create(_proxy, () => Task.FromResult<string?>(_token), retry: new WebConsoleRetry(_stop.Token));
            connection.StateChanged += state =>
            {
                lock (_gate) _states.Add((DateTimeOffset.UtcNow, state));
            };
            connection.ResubscribeFailed += (_, _) => _ = ResubscribeAsync(connection);
            _connection = connection;
            try
            {
                await UntilAsync(() => connection.StartAsync(_stop.Token));
                await UntilAsync(() => connection.Subscribe(_exerciseId, Highest));
                first.TrySetResult();
                await foreach (var e in connection.Events.ReadAllAsync(_stop.Token)) OnEvent(e);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                // The run is over.
            }
            finally
            {
                await connection.DisposeAsync();
            }
            if (!_stop.IsCancellationRequested) Interlocked.Increment(ref _metrics.NewConnections);
        }
    }

    /// <summary>A resubscribe after a reconnect was refused (the database away): the console asks again until it is back.</summary>
    private async Task ResubscribeAsync(ExerciseConnection connection)
    {
        Interlocked.Increment(ref _metrics.ResubscribeRefusals);
        try
        {
            await Task.Delay(Retry, _stop.Token);
            await UntilAsync(() => connection.Subscribe(_exerciseId, 0));
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
        catch (Exception)
        {
            // The connection closed meanwhile; RunAsync opens a new one.
        }
    }

    private async Task UntilAsync(Func<Task> action)
    {
        while (true)
        {
            _stop.Token.ThrowIfCancellationRequested();
            try
            {
                await action();
                return;
            }
            catch (Exception failure) when (!_stop.IsCancellationRequested && failure is not ObjectDisposedException)
            {
                _metrics.Refused(failure);
                if (_connection?.State == ExerciseConnectionState.Closed) throw;
            }
            await Task.Delay(Retry, _stop.Token);
        }
    }

    private void OnEvent(LiveEvent e)
    {
        var now = DateTimeOffset.UtcNow;
        lock (_gate)
        {
            if (e.Seq <= _highest)
            {
                OutOfOrder++;
                return;
            }
            Interlocked.Exchange(ref _highest, e.Seq);
            _kept.Add(new LoadConsole.Received(e.Seq, e.Kind, e.OrganizationId, e.InjectId));
            _receivedAt[e.Seq] = now;
        }
        if (e.Kind == EventKind.ExerciseEnded) EndedSeq = e.Seq;
        // Recorded while this console was live (not replayed after a reconnect): how long from the grain's record to this screen.
        if (Live && LiveSince is { } since && e.WallTime >= since)
            _metrics.Delivery(now - e.WallTime, crossNode: NodePort != 0 && NodePort != _metrics.GrainNodePort);
        if (_acts && e.Kind == EventKind.InjectDelivered && e.OrganizationId == Seat.OrganizationId && e.InjectId is { } injectId)
        {
            lock (_gate) _acting.Add(AcknowledgeAsync(injectId));
        }
    }

    /// <summary>Acknowledges the inject, sending the same key again until a receipt comes (the web console's offline queue).</summary>
    private async Task AcknowledgeAsync(string injectId)
    {
        var key = _ackKeys.GetOrAdd(injectId, _ => Guid.NewGuid().ToString("D"));
        try
        {
            while (true)
            {
                var wait = Retry;
                try
                {
                    if (_connection is { State: ExerciseConnectionState.Live } connection)
                    {
                        var receipt = await connection.Acknowledge(_exerciseId, injectId, key);
                        Receipts.Add((injectId, receipt.Seq, receipt.Duplicate));
                        return;
                    }
                }
                catch (ExerciseHubException refused) when (refused.Code == StorageUnavailableException.Code)
                {
                    _metrics.Refused(refused);
                    wait = StorageUnavailableException.RetryAfter;
                }
                catch (ExerciseHubException refused)
                {
                    // Refused for good (the exercise ended meanwhile, say): nothing was recorded; the check sees it is absent.
                    _metrics.Refused(refused);
                    return;
                }
                catch (Exception failure) when (!_stop.IsCancellationRequested)
                {
                    _metrics.Refused(failure);
                }
                await Task.Delay(wait, _stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            Interlocked.Increment(ref _metrics.AcknowledgementsAbandoned);
        }
    }

    /// <summary>Acknowledgements still being sent (waiting for the database, say).</summary>
    public int Pending
    {
        get { lock (_gate) return _acting.Count(t => !t.IsCompleted); }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Task[] acting;
        lock (_gate) acting = [.. _acting];
        await Task.WhenAll(acting).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }
}
