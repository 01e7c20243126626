using CiExercise.Client.Hub;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace CiExercise.Client;

public sealed partial class ExerciseConnection
{
    private void OnEvent(LiveEvent e)
    {
        lock (_gate)
        {
            if (!_streams.TryGetValue(e.ExerciseId, out var stream)) return;
            if (stream.Pending is { } pending)
            {
                pending.Add(e);
            }
            else if (e.Seq > stream.Highest)
            {
                stream.Highest = e.Seq;
                _events.Writer.TryWrite(e);
            }
        }
    }

    /// <summary>The replay has sent everything up to throughSeq: hand out what arrived up to there, keep the rest.</summary>
    private void OnReplayed(string exerciseId, long throughSeq)
    {
        lock (_gate)
        {
            if (_streams.TryGetValue(exerciseId, out var stream) && stream.Pending is { } pending)
                Release(stream, pending, throughSeq);
        }
    }

    /// <summary>The replay is complete: hand out what arrived meanwhile in sequence order, each seq once.</summary>
    private void OnCaughtUp(string exerciseId, long lastSeq)
    {
        TaskCompletionSource<long>? done;
        bool live;
        lock (_gate)
        {
            if (!_streams.TryGetValue(exerciseId, out var stream) || stream.Pending is not { } pending) return;
            // Live events above lastSeq came in order after the replay's read, so they are complete too.
            Release(stream, pending, long.MaxValue);
            stream.Highest = Math.Max(stream.Highest, lastSeq);
            stream.Pending = null;
            done = stream.CaughtUp;
            stream.CaughtUp = null;
            live = _state is ExerciseConnectionState.CatchingUp && _streams.Values.All(s => !s.CatchingUp);
        }

        if (live) SetState(ExerciseConnectionState.Live);
        done?.TrySetResult(lastSeq);
    }

    /// <summary>
    /// A Subscribe that failed before CaughtUp (the connection dropped mid-replay): what it held above the last
    /// Replayed mark may have overtaken events the replay had not sent yet, so it is dropped, not handed out, and
    /// Highest stays where the replay had proven it; the next Subscribe replays from there. Events that arrive
    /// until then are held, not handed out past a gap. Only the attempt still in charge of the stream does this:
    /// a newer Subscribe (after a reconnect) may already be replaying.
    /// </summary>
    private void Abandon(string exerciseId, TaskCompletionSource<long> attempt)
    {
        lock (_gate)
        {
            if (!_streams.TryGetValue(exerciseId, out var stream) || stream.CaughtUp != attempt) return;
            stream.Pending?.Clear();
            stream.CaughtUp = null;
        }
    }

    /// <summary>
    /// Hands out the pending events up to through in sequence order, each seq once, and keeps the later ones;
    /// anything at or below through that this caller may see was in the replay, so Highest moves to it.
    /// </summary>
    private void Release(ExerciseStream stream, List<LiveEvent> pending, long through)
    {
        pending.Sort(static (a, b) => a.Seq.CompareTo(b.Seq));
        var released = 0;
        foreach (var e in pending)
        {
            if (e.Seq > through) break;
            released++;
            if (e.Seq <= stream.Highest) continue;
            stream.Highest = e.Seq;
            _events.Writer.TryWrite(e);
        }

        pending.RemoveRange(0, released);
        if (through != long.MaxValue) stream.Highest = Math.Max(stream.Highest, through);
    }

    /// <summary>The server is closing this connection for good (token revoked or expired): do not reconnect.</summary>
    private void OnClosing(string reason)
    {
        ClosingReason = reason;
        _ = _hub.StopAsync();
    }

    private async Task OnReconnectedAsync(string? connectionId)
    {
        // A new connection has no groups: subscribe again after what was handed out, which replays the gap.
        string[] exercises;
        lock (_gate) exercises = [.. _streams.Keys];
        SetState(exercises.Length == 0 ? ExerciseConnectionState.Connected : ExerciseConnectionState.CatchingUp);
        foreach (var exerciseId in exercises)
        {
            try
            {
                await Subscribe(exerciseId, 0);
            }
            catch (Exception error)
            {
                ResubscribeFailed?.Invoke(exerciseId, error);
            }
        }
    }

    private Task OnClosedAsync(Exception? error)
    {
        Close();
        return Task.CompletedTask;
    }

    private void Close()
    {
        List<TaskCompletionSource<long>> waiting;
        lock (_gate) waiting = [.. _streams.Values.Select(s => s.CaughtUp).OfType<TaskCompletionSource<long>>()];
        foreach (var caughtUp in waiting) caughtUp.TrySetException(new HubException("The connection closed before the replay completed."));
        SetState(ExerciseConnectionState.Closed);
        _events.Writer.TryComplete();
    }

    private void SetState(ExerciseConnectionState state)
    {
        lock (_gate)
        {
            if (_state == state || _state == ExerciseConnectionState.Closed) return;
            _state = state;
        }

        StateChanged?.Invoke(state);
    }
}
