using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Scenarios;
using CiExercise.Review.Loading;
using CiExercise.Review.Model;

namespace CiExercise.Review.Cascades;

/// <summary>
/// The cascades of a record, from its ServiceChanged rows in seq order (what the timeline's service rules recorded):
/// a fall by an inject or a controller of a service that was up opens a cascade; a fall by cascade joins the cascade
/// of the service it followed; restores and recoveries close what they bring back.
/// </summary>
internal static class Cascades
{
    public static IReadOnlyList<Cascade> Of(ExerciseLog log)
    {
        var cascades = new List<Builder>();
        var episode = new Dictionary<string, Builder>(StringComparer.Ordinal);
        foreach (var e in log.Events.Where(e => e.Kind == EventKind.ServiceChanged))
        {
            var change = ReviewPayloads.Read<ServiceChangedPayload>(e);
            var service = log.Scenario.FindService(change.ServiceId);
            if (service is null) continue;
            switch (change.To)
            {
                case ServiceStatus.Down or ServiceStatus.Degraded when change.Cause == ServiceCause.Cascade:
                    if (change.CauseServiceId is { } cause && episode.TryGetValue(cause, out var followed))
                    {
                        followed.Followed.Add(new Follower(service, change.To, cause, e.Seq, e.ScenarioTime));
                        episode[service.Id] = followed;
                    }
                    break;
                case ServiceStatus.Down or ServiceStatus.Degraded:
                    if (!episode.ContainsKey(service.Id))
                    {
                        var opened = new Builder(service, change, e);
                        cascades.Add(opened);
                        episode[service.Id] = opened;
                    }
                    break;
                case ServiceStatus.Restoring when change.DecisionSeq is { } decision && episode.TryGetValue(service.Id, out var restoring):
                    restoring.Restores.Add((service.Id, decision, log.At(decision)?.OrganizationId, e.ScenarioTime));
                    break;
                case ServiceStatus.Up when episode.Remove(service.Id, out var back):
                    back.Up(service.Id, e.ScenarioTime);
                    break;
            }
        }
        return [.. cascades.Select(c => c.Build(log.Scenario))];
    }

    private sealed record Follower(Service Service, ServiceStatus Status, string BecauseOf, long Seq, TimeSpan At)
    {
        public TimeSpan? UpAt { get; set; }
    }

    private sealed class Builder(Service root, ServiceChangedPayload change, ExerciseEvent row)
    {
        private TimeSpan? _upAt;

        public List<Follower> Followed { get; } = [];

        public List<(string ServiceId, long DecisionSeq, string? OrganizationId, TimeSpan At)> Restores { get; } = [];

        public void Up(string serviceId, TimeSpan at)
        {
            if (serviceId == root.Id) _upAt ??= at;
            foreach (var follower in Followed.Where(f => f.Service.Id == serviceId && f.UpAt is null)) follower.UpAt = at;
        }

        private TimeSpan? UpAt(string serviceId) => serviceId == root.Id ? _upAt : Followed.FirstOrDefault(f => f.Service.Id == serviceId)?.UpAt;

        private TimeSpan DownAt(string serviceId) => serviceId == root.Id ? row.ScenarioTime : Followed.First(f => f.Service.Id == serviceId).At;

        public Cascade Build(Scenario scenario) => new(root.Id, root.OrganizationId, change.To, change.Cause, row.InjectId, row.Seq,
            row.ScenarioTime, _upAt,
            [.. Followed.Select(f => new CascadeFollower(f.Service.Id, f.Service.OrganizationId, f.Status, f.BecauseOf, f.Seq, f.At, f.UpAt))],
            [.. Restores.Select(r =>
            {
                var restoredAt = UpAt(r.ServiceId);
                var fell = Followed.Where(f => f.BecauseOf == r.ServiceId && f.At >= DownAt(r.ServiceId) && (restoredAt is null || f.At <= restoredAt))
                    .Select(f => f.Service.Id).ToArray();
                return new RestoreDecision(r.ServiceId, r.OrganizationId, r.DecisionSeq, r.At, restoredAt, restoredAt is not null && fell.Length == 0, fell);
            })]);
    }
}
