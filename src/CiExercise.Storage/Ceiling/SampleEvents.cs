using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Storage.Ceiling;

/// <summary>
/// Rows shaped like the hot moments of a national exercise (ids, keys and payload sizes as the grains
/// write them), for the insert ceiling and the benchmarks: an all-hands inject and a storm of decisions.
/// </summary>
internal static class SampleEvents
{
    // About what a participant types into a decision: a couple of Japanese sentences.
    private const string DecisionText =
        "基幹系ネットワークを分離し、バックアップからの復旧手順を開始した。所管省庁とCEPTOARに第一報を送付済み。" +
        "Isolated the core network and started restoring from backup; first report sent to the ministry and CEPTOAR.";

    public static string OrganizationId(int index) => $"org-{index:D4}";

    /// <summary>InjectFired plus one InjectDelivered per organization, with the grains' dedupe keys.</summary>
    public static IReadOnlyList<NewEvent> AllHands(string injectId, int organizations, DateTimeOffset now)
    {
        var orgs = Enumerable.Range(0, organizations).Select(OrganizationId).ToArray();
        var scenario = TimeSpan.FromMinutes(30);
        var events = new List<NewEvent>(organizations + 1)
        {
            new(EventKind.InjectFired, now, scenario, null, Actor.System, injectId, null,
                ScenarioJson.Serialize(new InjectFiredPayload(now, TimeSpan.Zero, false, false, orgs)), $"fired:{injectId}"),
        };
        var delivered = ScenarioJson.Serialize(new InjectDeliveredPayload(
            ["ciso", "staff"], Channel.SystemAlert, scenario + TimeSpan.FromHours(1), ["isolate", "continue", "escalate"], false, TimeSpan.Zero));
        events.AddRange(orgs.Select(org => new NewEvent(
            EventKind.InjectDelivered, now, scenario, org, Actor.System, injectId, null, delivered, $"delivered:{injectId}:{org}")));
        return events;
    }

    /// <summary>One decision by participant <paramref name="index"/>, keyed by its client action id as the console sends it.</summary>
    public static NewEvent Decision(int index, int organizations, DateTimeOffset now)
    {
        var org = OrganizationId(index % organizations);
        var clientActionId = Guid.NewGuid().ToString("N");
        return new NewEvent(
            EventKind.DecisionRecorded, now, TimeSpan.FromMinutes(42), org, new Actor($"participant-{index}", "ciso", org), "i07-ransom-note", 1000 + index,
            ScenarioJson.Serialize(new ParticipantActionPayload("isolate", DecisionText, ClientActionId: clientActionId)),
            $"action:{org}:{clientActionId}");
    }
}
