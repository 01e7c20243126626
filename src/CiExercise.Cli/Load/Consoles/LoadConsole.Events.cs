using System.Text.Json;
using CiExercise.Cli.Load.Scenario;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;
using Microsoft.AspNetCore.SignalR.Client;

namespace CiExercise.Cli.Load.Consoles;

public sealed partial class LoadConsole
{
    /// <summary>The web console reads the view again while deliveries are still missing from it; never more than this per burst.</summary>
    private const int MaxViewReads = 20;

    private readonly HashSet<long> _seen = [];
    private readonly List<Received> _kept = [];
    private readonly HashSet<string> _texts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _acknowledged = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PendingText> _pending = new(StringComparer.Ordinal);
    private long _lastSeq;
    private long _resumeAfter;
    private long _liveAfter = long.MaxValue;
    private bool _refreshing;

    /// <summary>An event kept once (the first time its sequence number arrived), in arrival order.</summary>
    public readonly record struct Received(long Seq, EventKind Kind, string? OrganizationId, string? InjectId);

    private sealed record PendingText(LoadEvent Delivery, bool Measured);

    /// <summary>The sequence number of ExerciseEnded once this console has it, else 0.</summary>
    public long EndedSeq { get; private set; }

    public IReadOnlyList<Received> Kept
    {
        get { lock (_gate) return [.. _kept]; }
    }

    /// <summary>Deliveries this console has and whose text it never got.</summary>
    public int MissingTexts
    {
        get { lock (_gate) return _pending.Count; }
    }

    private void OnEvent(LoadEvent e)
    {
        var now = DateTimeOffset.UtcNow;
        Interlocked.Increment(ref _metrics.Events);
        lock (_gate)
        {
            if (!_seen.Add(e.Seq))
            {
                Interlocked.Increment(ref _metrics.WireDuplicates);
                return;
            }
            _lastSeq = Math.Max(_lastSeq, e.Seq);
            // After CaughtUp every later event arrives live and in order, so it moves the resume point; before, a
            // live event may have overtaken replayed ones the connection could still lose.
            if (e.Seq > _liveAfter) _resumeAfter = Math.Max(_resumeAfter, e.Seq);
            _kept.Add(new Received(e.Seq, e.Kind, e.OrganizationId, e.InjectId));
            if (e.Kind == EventKind.InjectAcknowledged && e.InjectId is not null) _acknowledged.Add(e.InjectId);
        }
        if (!_metrics.WireBytes.ContainsKey(e.Seq)) _metrics.WireBytes.TryAdd(e.Seq, JsonSerializer.SerializeToUtf8Bytes(e, ScenarioJson.Options).Length);
        if (e.Kind == EventKind.ExerciseEnded) EndedSeq = e.Seq;
        if (e.Kind == EventKind.InjectDelivered && e.InjectId is not null) OnDelivered(e, now);
    }

    /// <summary>A Subscribe starts: until its CaughtUp only the replay's marks move the resume point.</summary>
    private long BeginReplay()
    {
        lock (_gate)
        {
            _liveAfter = long.MaxValue;
            return _resumeAfter;
        }
    }

    /// <summary>Replayed (a full page) or CaughtUp: everything up to that seq has been sent; after CaughtUp, what came meanwhile too.</summary>
    private void OnReplayed(long through, bool caughtUp)
    {
        lock (_gate)
        {
            _resumeAfter = Math.Max(_resumeAfter, caughtUp ? Math.Max(through, _lastSeq) : through);
            if (caughtUp) _liveAfter = _resumeAfter;
        }
    }

    private void OnDelivered(LoadEvent e, DateTimeOffset now)
    {
        var startex = e.InjectId == LoadInjects.Startex;
        // A delivery replayed while catching up after the storm is timed by the storm's figure, not as a delivery.
        var measured = !_catchingUp;
        if (measured) (startex ? _metrics.StartexEvent : _metrics.OtherEvent).Add(now - e.DueAt);
        bool hasText;
        lock (_gate)
        {
            hasText = e.CarriesText || !_target.Product || _texts.Contains(e.InjectId!);
            if (hasText) _texts.Add(e.InjectId!);
            else _pending[e.InjectId!] = new PendingText(e, measured);
        }
        if (hasText)
        {
            if (measured) (startex ? _metrics.StartexText : _metrics.OtherText).Add(now - e.DueAt);
            Act(e);
        }
        else
        {
            RefreshView();
        }
    }

    /// <summary>exercise.ts refreshView: one GetExercise at a time; again while deliveries are missing and the view is behind.</summary>
    private void RefreshView()
    {
        lock (_gate)
        {
            if (_refreshing) return;
            _refreshing = true;
        }
        Interlocked.Increment(ref _metrics.ViewsInFlight);
        _ = RefreshLoopAsync().ContinueWith(_ => Interlocked.Decrement(ref _metrics.ViewsInFlight), TaskScheduler.Default);
    }

    private async Task RefreshLoopAsync()
    {
        for (var read = 1; ; read++)
        {
            Interlocked.Increment(ref _metrics.ViewCalls);
            ExerciseView view;
            try
            {
                view = await _hub.InvokeAsync<ExerciseView>("GetExercise", _target.ExerciseId, _stop);
            }
            catch (Exception failure)
            {
                if (!_stop.IsCancellationRequested)
                {
                    Interlocked.Increment(ref _metrics.ViewFailures);
                    _metrics.Failed("GetExercise", failure);
                }
                lock (_gate) _refreshing = false;
                return;
            }

            var now = DateTimeOffset.UtcNow;
            List<PendingText> resolved = [];
            bool again;
            lock (_gate)
            {
                UseViewLocked(view);
                foreach (var (id, pending) in _pending.ToArray())
                {
                    if (!_texts.Contains(id)) continue;
                    _pending.Remove(id);
                    resolved.Add(pending);
                }
                again = _pending.Count > 0 && view.LastSeq < _lastSeq && read < MaxViewReads;
                if (!again) _refreshing = false;
            }
            foreach (var pending in resolved)
            {
                var e = pending.Delivery;
                if (pending.Measured) (e.InjectId == LoadInjects.Startex ? _metrics.StartexText : _metrics.OtherText).Add(now - e.DueAt);
                Act(e);
            }
            if (!again) return;
        }
    }

    private void UseView(ExerciseView view)
    {
        lock (_gate) UseViewLocked(view);
    }

    private void UseViewLocked(ExerciseView view)
    {
        foreach (var state in view.Injects) _texts.Add(state.Inject.Id);
    }
}
