using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Server.Simulated;

/// <summary>
/// One thing that reached an organization the control cell plays: an inject delivered to it (Delivery, with the
/// Inject in full) or a message it received (Message; with a forwarded report's answers and form). Seq is the row in
/// that organization's stream: the number to give as forwardedFromSeq when the control cell passes it on as it.
/// </summary>
public sealed record SimulatedInboxItem(
    long Seq,
    string OrganizationId,
    DateTimeOffset WallTime,
    TimeSpan ScenarioTime,
    InboxItem? Delivery,
    Inject? Inject,
    MessageItem? Message);

/// <summary>A page of the simulated organizations' inbox, oldest first. NextAfter: the seq to ask after for the next page.</summary>
public sealed record SimulatedInboxPage(IReadOnlyList<SimulatedInboxItem> Items, long NextAfter, bool HasMore);

/// <summary>
/// The control cell's inbox: what reached every simulated organization, from those organizations' own views (the
/// grains' folds, so it is what their consoles would show), merged in seq order and paged by seq.
/// </summary>
public sealed class SimulatedInbox(IGrainFactory grains)
{
    public async Task<SimulatedInboxPage> ReadAsync(string exerciseId, Scenario scenario, long after, int limit)
    {
        var simulated = scenario.Organizations.Where(o => o.Simulated).Select(o => o.Id).ToArray();
        if (simulated.Length == 0) return new SimulatedInboxPage([], after, false);
        var injects = (await grains.GetGrain<IExerciseGrain>(exerciseId).GetView()).Injects.ToDictionary(s => s.Inject.Id, s => s.Inject);
        var views = await Task.WhenAll(simulated.Select(o => grains.GetGrain<IOrganizationGrain>(OrganizationKey.Of(exerciseId, o)).GetView()));
        var items = views.SelectMany(v =>
                v.Inbox.Select(d => new SimulatedInboxItem(d.DeliveredSeq, v.OrganizationId, d.DeliveredAt, d.DeliveredAtScenario, d,
                        injects.GetValueOrDefault(d.InjectId), null))
                    .Concat(v.Received.Select(m => new SimulatedInboxItem(m.Seq, v.OrganizationId, m.WallTime, m.ScenarioTime, null, null, m))))
            .Where(i => i.Seq > after).OrderBy(i => i.Seq).Take(limit + 1).ToList();
        var page = items.Take(limit).ToArray();
        return new SimulatedInboxPage(page, page.Length > 0 ? page[^1].Seq : after, items.Count > limit);
    }
}
