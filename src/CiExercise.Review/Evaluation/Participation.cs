using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Review.Loading;
using CiExercise.Review.Model;

namespace CiExercise.Review.Evaluation;

/// <summary>Who joined and acted, who went silent, how late the control cell fired injects, and the hot-wash answers.</summary>
internal static class Participation
{
    /// <summary>What a participant does in play; joining and the hot wash after the end are not acting.</summary>
    private static readonly HashSet<EventKind> Acting =
    [
        EventKind.InjectAcknowledged, EventKind.DecisionRecorded, EventKind.ReportSubmitted, EventKind.MessageSent,
        EventKind.CommunicationCheckAcknowledged, EventKind.CommunicationCheckPassedOn,
    ];

    public static ParticipationReport Of(ExerciseLog log, IReadOnlyList<InjectResponse> responses)
    {
        var joined = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var acted = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var lastAction = new Dictionary<string, ExerciseEvent>(StringComparer.Ordinal);
        var hotWash = new Dictionary<(string Organization, string Person), ExerciseEvent>();
        var lateness = new List<InjectLateness>();
        foreach (var e in log.Events)
        {
            if (e.Kind == EventKind.InjectFired)
            {
                var fired = ReviewPayloads.Read<InjectFiredPayload>(e);
                lateness.Add(new InjectLateness(e.InjectId!, fired.AdHoc, e.ScenarioTime, fired.Lateness, fired.Late));
            }
            if (e.OrganizationId is not { } organization) continue;
            if (e.Kind == EventKind.ParticipantJoined) AddOnce(joined, organization, e.Actor.Id);
            else if (e.Kind == EventKind.HotWashSubmitted) hotWash[(organization, e.Actor.Id)] = e;
            // A controller speaking for a simulated organization is the control cell at work, not a participant acting.
            else if (Acting.Contains(e.Kind) && e.Actor.OrganizationId == organization && !e.Actor.IsControllerAs)
            {
                AddOnce(acted, organization, e.Actor.Id);
                lastAction[organization] = e;
            }
        }
        // Scripted injects never fired are on the timeline too, with no firing time.
        var fireds = lateness.Select(l => l.InjectId).ToHashSet(StringComparer.Ordinal);
        lateness.AddRange(log.Scenario.Injects.OrderBy(i => i.At).Where(i => !fireds.Contains(i.Id))
            .Select(i => new InjectLateness(i.Id, false, null, TimeSpan.Zero, false)));

        var byOrganization = responses.ToLookup(r => r.OrganizationId);
        var organizations = log.Scenario.Organizations.Select(o =>
        {
            var last = lastAction.GetValueOrDefault(o.Id);
            var silent = last is not null && byOrganization[o.Id].Any(r => r.DeliveredSeq > last.Seq && r.FirstDecision is null);
            return new OrganizationParticipation(o.Id, o.Sector, o.Simulated, joined.GetValueOrDefault(o.Id) ?? [],
                acted.GetValueOrDefault(o.Id) ?? [], last?.WallTime, silent);
        }).ToArray();
        var answers = hotWash.Values.OrderBy(e => e.Seq)
            .Select(e => new HotWashEntry(e.Seq, e.OrganizationId!, e.Actor.Id, e.Actor.Role, e.WallTime,
                ReviewPayloads.Read<HotWashPayload>(e).Answers))
            .ToArray();
        return new ParticipationReport(organizations, lateness, answers);
    }

    private static void AddOnce(Dictionary<string, List<string>> lists, string key, string value)
    {
        if (!lists.TryGetValue(key, out var list)) lists[key] = list = [];
        if (!list.Contains(value)) list.Add(value);
    }
}
