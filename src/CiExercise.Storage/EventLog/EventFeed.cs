using System.Threading.Channels;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Ports;
using Microsoft.Extensions.Logging;

namespace CiExercise.Storage.EventLog;

/// <summary>
/// Hands each committed group to every subscriber through its own bounded buffer. The event log's writer
/// publishes and must never wait here, so a full buffer drops the group (counted and logged) rather than
/// slowing every participant's commit down.
/// </summary>
internal sealed partial class EventFeed(ILogger logger) : IEventFeed
{
    public const int Capacity = 4096;

    private readonly ILogger _logger = logger;
    private readonly Lock _gate = new();
    private Subscription[] _subscriptions = [];

    public IDisposable Subscribe(Func<IReadOnlyList<ExerciseEvent>, CancellationToken, ValueTask> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var subscription = new Subscription(this, handler);
        lock (_gate) _subscriptions = [.. _subscriptions, subscription];
        return subscription;
    }

    /// <summary>Called by the writer loop alone, right after a commit, so groups keep commit order.</summary>
    public void Publish(IReadOnlyList<ExerciseEvent> events)
    {
        if (events.Count == 0) return;
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            subscription.Offer(events);
        }
    }

    /// <summary>No more groups will come; subscribers finish delivering what they hold.</summary>
    public void Complete()
    {
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            subscription.Complete();
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate) _subscriptions = [.. _subscriptions.Where(s => s != subscription)];
    }

    private sealed class Subscription : IDisposable
    {
        private readonly EventFeed _feed;
        private readonly Func<IReadOnlyList<ExerciseEvent>, CancellationToken, ValueTask> _handler;
        private readonly CancellationTokenSource _stop = new();
        private readonly Channel<IReadOnlyList<ExerciseEvent>> _buffer = Channel.CreateBounded<IReadOnlyList<ExerciseEvent>>(
            new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        private long _dropped;

        public Subscription(EventFeed feed, Func<IReadOnlyList<ExerciseEvent>, CancellationToken, ValueTask> handler)
        {
            _feed = feed;
            _handler = handler;
            _ = Task.Run(PumpAsync);
        }

        public void Offer(IReadOnlyList<ExerciseEvent> events)
        {
            if (_buffer.Writer.TryWrite(events) || _stop.IsCancellationRequested) return;
            LogDropped(_feed._logger, events[0].ExerciseId, events.Count, Interlocked.Increment(ref _dropped));
        }

        public void Complete() => _buffer.Writer.TryComplete();

        public void Dispose()
        {
            _feed.Remove(this);
            _buffer.Writer.TryComplete();
            _stop.Cancel();
        }

        private async Task PumpAsync()
        {
            try
            {
                await foreach (var events in _buffer.Reader.ReadAllAsync(_stop.Token))
                {
                    try
                    {
                        await _handler(events, _stop.Token);
                    }
                    catch (Exception error) when (error is not OperationCanceledException)
                    {
                        // One failing delivery must not end the subscription: later groups still matter.
                        LogHandlerFailed(_feed._logger, error, events[0].ExerciseId, events.Count);
                    }
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                // Disposed: nothing more to deliver.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event feed subscriber is behind; dropped a group of {Rows} events (exercise {ExerciseId}), {Dropped} groups dropped so far")]
    private static partial void LogDropped(ILogger logger, string exerciseId, int rows, long dropped);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event feed subscriber failed on a group of {Rows} events (exercise {ExerciseId})")]
    private static partial void LogHandlerFailed(ILogger logger, Exception error, string exerciseId, int rows);
}
