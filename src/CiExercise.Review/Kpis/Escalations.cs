using CiExercise.Contracts.Events;
using CiExercise.Review.Loading;
using CiExercise.Review.Model;

namespace CiExercise.Review.Kpis;

/// <summary>
/// For each inject that expects escalation and each organization it reached: the first acknowledgement, decision,
/// report or message regarding it by someone of that organization in one of the scenario's escalation roles.
/// </summary>
internal static class Escalations
{
    private static readonly HashSet<EventKind> Actions =
        [EventKind.InjectAcknowledged, EventKind.DecisionRecorded, EventKind.ReportSubmitted, EventKind.MessageSent];

    public static IReadOnlyList<EscalationKpi> Of(ExerciseLog log, IReadOnlyList<InjectResponse> responses)
    {
        var roles = log.Scenario.Review.EscalationRoles.ToHashSet(StringComparer.Ordinal);
        var escalating = responses.Where(r => log.Inject(r.InjectId)?.Escalation == true).ToArray();
        if (escalating.Length == 0) return [];
        var first = new Dictionary<(string Inject, string Organization), ExerciseEvent>();
        foreach (var e in log.Events)
        {
            if (!Actions.Contains(e.Kind) || e.InjectId is null || e.OrganizationId is null || !roles.Contains(e.Actor.Role)) continue;
            first.TryAdd((e.InjectId, e.OrganizationId), e);
        }
        return escalating.Select(r =>
        {
            var e = first.GetValueOrDefault((r.InjectId, r.OrganizationId));
            return e is null
                ? new EscalationKpi(r.InjectId, r.OrganizationId, null, null, null)
                : new EscalationKpi(r.InjectId, r.OrganizationId,
                    new Duration(e.ScenarioTime - r.DeliveredAtScenario, e.WallTime - r.DeliveredAt), e.Actor.Id, e.Actor.Role);
        }).ToArray();
    }
}
