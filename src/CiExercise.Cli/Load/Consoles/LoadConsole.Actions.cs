using CiExercise.Contracts.Exercises;
using Microsoft.AspNetCore.SignalR.Client;

namespace CiExercise.Cli.Load.Consoles;

public sealed partial class LoadConsole
{
    /// <summary>
    /// What the participants of an organization do with an inject they can read: one of those who see it
    /// (picked by the inject, so each organization answers once) acknowledges it after thinking, decides
    /// when it offers choices, and reports it to the organization's reporting-route body when an answer is due.
    /// </summary>
    private void Act(LoadEvent delivery)
    {
        var roles = delivery.Strings("roles");
        var eligible = _organization.Where(s => roles.Count == 0 || roles.Contains(s.Role)).ToArray();
        if (eligible.Length == 0 || eligible[(int)(Fnv(delivery.InjectId!) % (uint)eligible.Length)].Index != _seat.Index) return;
        Interlocked.Increment(ref _metrics.ActionsPending);
        _ = PlayAsync(delivery);
    }

    private async Task PlayAsync(LoadEvent delivery)
    {
        var injectId = delivery.InjectId!;
        try
        {
            await Task.Delay(_plan.NextDelay(), _stop);
            bool acknowledged;
            lock (_gate) acknowledged = _acknowledged.Contains(injectId);
            if (!acknowledged)
                await InvokeAsync(_metrics.Acknowledgement, "Acknowledge", injectId, NewActionId());

            var choices = delivery.Strings("choiceIds");
            if (choices.Count > 0)
            {
                await Task.Delay(_plan.NextDelay(), _stop);
                var choice = choices[(int)(Fnv(_seat.Name) % (uint)choices.Count)];
                await InvokeAsync(_metrics.OtherAction, "Decide", injectId, choice, $"Decided by {_seat.Name}", null, NewActionId());
            }

            var answerDue = delivery.Payload.TryGetProperty("respondBy", out _);
            if (_seat.ReportsTo is { } body && (choices.Count > 0 || answerDue))
            {
                await Task.Delay(_plan.NextDelay(), _stop);
                var message = new OutgoingMessage([body], $"Report on {injectId} from {_seat.OrganizationId}",
                    $"{_seat.OrganizationId} received {injectId} and is handling it; scope and continuity checked, no further impact so far.",
                    injectId, delivery.Seq);
                await InvokeAsync(_metrics.OtherAction, "SendMessage", message, NewActionId());
            }
        }
        catch (OperationCanceledException)
        {
            Interlocked.Increment(ref _metrics.ActionsSkipped);
        }
        finally
        {
            Interlocked.Decrement(ref _metrics.ActionsPending);
        }
    }

    /// <summary>One action, once the console is subscribed (after a storm it waits to be back): its latency until the durable receipt.</summary>
    private async Task InvokeAsync(Samples latency, string method, params object?[] arguments)
    {
        Task ready;
        lock (_gate) ready = _ready.Task;
        await ready.WaitAsync(_stop);
        var started = DateTimeOffset.UtcNow;
        try
        {
            var receipt = await _hub.InvokeCoreAsync<ActionReceipt>(method, [_target.ExerciseId, .. arguments], _stop);
            var now = DateTimeOffset.UtcNow;
            latency.Add(now - started);
            if (!receipt.Duplicate) _metrics.Durable.Enqueue(now);
        }
        catch (Exception failure) when (!_stop.IsCancellationRequested)
        {
            _metrics.Failed(method, failure);
            Interlocked.Increment(ref method == "Acknowledge" ? ref _metrics.AcknowledgementErrors : ref _metrics.ActionErrors);
        }
    }

    private static string NewActionId() => Guid.NewGuid().ToString("N");

    private static uint Fnv(string text)
    {
        var hash = 2166136261;
        foreach (var c in text) hash = (hash ^ c) * 16777619;
        return hash;
    }
}
