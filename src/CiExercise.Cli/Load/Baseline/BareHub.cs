using System.Text.Json;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;
using Microsoft.AspNetCore.SignalR;

namespace CiExercise.Cli.Load.Baseline;

/// <summary>
/// The baseline: a bare SignalR hub with the console's methods. Subscribe joins the same three groups the
/// product's console joins; an action is answered at once after one send of an event of the product's size
/// to the organization, as the product sends its row; nothing is stored or checked.
/// </summary>
public sealed class BareHub(BarePlayer player) : Hub
{
    public async Task<long> Subscribe(string exerciseId, long afterSeq)
    {
        var (org, role) = Caller();
        await Groups.AddToGroupAsync(Context.ConnectionId, BareGroups.Players);
        await Groups.AddToGroupAsync(Context.ConnectionId, BareGroups.Organization(org));
        await Groups.AddToGroupAsync(Context.ConnectionId, BareGroups.Role(org, role));
        // What happened before STARTEX, replayed to a console that has not seen it, as the product replays it.
        foreach (var e in player.History.Where(e => e.Seq > afterSeq)) await Clients.Caller.SendAsync("Event", e);
        await Clients.Caller.SendAsync("CaughtUp", exerciseId, afterSeq);
        return afterSeq;
    }

    public Task<ActionReceipt> Acknowledge(string exerciseId, string injectId, string? clientActionId) =>
        Record(EventKind.InjectAcknowledged, injectId, [Caller().Org]);

    public Task<ActionReceipt> Decide(
        string exerciseId, string injectId, string? choiceId, string? text, SeverityRating? severity, string? clientActionId) =>
        Record(EventKind.DecisionRecorded, injectId, [Caller().Org]);

    public async Task<ActionReceipt> SendMessage(string exerciseId, OutgoingMessage message, string? clientActionId)
    {
        var receipt = await Record(EventKind.MessageSent, message.RegardingInjectId, [Caller().Org]);
        await Record(EventKind.MessageReceived, message.RegardingInjectId, message.To);
        return receipt;
    }

    private async Task<ActionReceipt> Record(EventKind kind, string? injectId, IReadOnlyList<string> organizations)
    {
        var now = DateTimeOffset.UtcNow;
        long seq = 0;
        foreach (var org in organizations)
        {
            var e = BareEvents.Make(kind, now, org, injectId, EmptyPayload, player.ActionBytes(kind));
            seq = e.Seq;
            await Clients.Group(BareGroups.Organization(org)).SendAsync("Event", e);
        }
        return new ActionReceipt(seq, now, TimeSpan.Zero, false);
    }

    private static readonly JsonElement EmptyPayload = JsonSerializer.SerializeToElement(new { });

    private (string Org, string Role) Caller()
    {
        var query = Context.GetHttpContext()!.Request.Query;
        return (query["org"].ToString(), query["role"].ToString());
    }
}
