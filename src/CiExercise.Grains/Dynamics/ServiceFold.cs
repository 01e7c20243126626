using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Grains.Dynamics;

/// <summary>
/// Every service's state, folded from ServiceChanged rows in seq order (services start up), and the changes the
/// rules call for next:
/// a decision whose choice restores a down or degraded service starts restoring it (at the decision's time; judged
/// at the decision's place in the record), and it is up RecoveryTime later; a service whose dependency stays down
/// (or degraded) longer than its tolerance follows it at exactly that scenario time (counted from when it was last
/// up, so a restored service gets its full tolerance again); a service that went down only by cascade comes back up
/// once every dependency is up again. The same fold serves the grain, its board and the review.
/// </summary>
internal sealed class ServiceFold
{
    private readonly Scenario _scenario;
    private readonly Func<string, Inject?> _findInject;
    private readonly Dictionary<string, Entry> _entries;
    // Decisions that restore a service that was down or degraded where they stand in the record, not yet recorded as restoring.
    private readonly List<(string ServiceId, long DecisionSeq, TimeSpan At)> _restores = [];

    public ServiceFold(Scenario scenario, Func<string, Inject?> findInject)
    {
        _scenario = scenario;
        _findInject = findInject;
        _entries = scenario.Services.ToDictionary(s => s.Id, s => new Entry(s));
    }

    /// <summary>One service's state and the moments its dependents count from.</summary>
    public sealed class Entry(Service service)
    {
        public Service Service { get; } = service;
        public ServiceStatus Status { get; set; } = ServiceStatus.Up;
        public TimeSpan Since { get; set; }
        public ServiceCause? Cause { get; set; }
        public string? CauseServiceId { get; set; }
        public long? ChangedSeq { get; set; }
        public long? DecisionSeq { get; set; }
        public TimeSpan? UpAt { get; set; }

        /// <summary>Down or degraded by cascade alone (no inject, controller or decision since it went).</summary>
        public bool ByCascade { get; set; }

        /// <summary>How impaired it is for its dependents: 0 up, 1 degraded, 2 down (a restoring service is still as it was).</summary>
        public int Level { get; set; }

        public TimeSpan UpSince { get; set; }
        public TimeSpan? ImpairedSince { get; set; }
        public TimeSpan? DownSince { get; set; }
    }

    public IEnumerable<Entry> Entries => _scenario.Services.Select(s => _entries[s.Id]);

    public ServiceStatus StatusOf(string serviceId) => _entries.TryGetValue(serviceId, out var entry) ? entry.Status : ServiceStatus.Up;

    public void Apply(ExerciseEvent e)
    {
        switch (e.Kind)
        {
            case EventKind.ServiceChanged:
                Change(e, ScenarioJson.Deserialize<ServiceChangedPayload>(e.Payload));
                break;
            case EventKind.DecisionRecorded when e.InjectId is { } injectId:
                var choiceId = ScenarioJson.Deserialize<ParticipantActionPayload>(e.Payload).ChoiceId;
                var choice = _findInject(injectId)?.Choices.FirstOrDefault(c => c.Id == choiceId);
                foreach (var serviceId in choice?.Restores ?? [])
                    if (_entries.TryGetValue(serviceId, out var entry) && entry.Status is ServiceStatus.Down or ServiceStatus.Degraded
                        && _restores.All(r => r.ServiceId != serviceId))
                        _restores.Add((serviceId, e.Seq, e.ScenarioTime));
                break;
        }
    }

    private void Change(ExerciseEvent e, ServiceChangedPayload change)
    {
        if (!_entries.TryGetValue(change.ServiceId, out var entry)) return;
        var at = e.ScenarioTime;
        var before = entry.Level;
        entry.Status = change.To;
        entry.Since = at;
        entry.Cause = change.Cause;
        entry.CauseServiceId = change.CauseServiceId;
        entry.ChangedSeq = e.Seq;
        entry.DecisionSeq = change.DecisionSeq;
        entry.UpAt = change.To == ServiceStatus.Restoring ? at + entry.Service.RecoveryTime : null;
        entry.ByCascade = change.To is ServiceStatus.Down or ServiceStatus.Degraded
                          && change.Cause == ServiceCause.Cascade && (before == 0 || entry.ByCascade);
        if (change.To != ServiceStatus.Restoring) entry.Level = LevelOf(change.To);
        if (change.To == ServiceStatus.Up) entry.UpSince = at;
        if (entry.Level == 0) entry.ImpairedSince = null;
        else if (before == 0) entry.ImpairedSince = at;
        if (entry.Level < 2) entry.DownSince = null;
        else if (before < 2) entry.DownSince = at;
        // Any change but a fall supersedes a restore not yet recorded: it was restoring, or is up again.
        if (change.To is not (ServiceStatus.Down or ServiceStatus.Degraded)) _restores.RemoveAll(r => r.ServiceId == change.ServiceId);
    }

    private static int LevelOf(ServiceStatus status) => status switch
    {
        ServiceStatus.Down => 2,
        ServiceStatus.Degraded => 1,
        _ => 0,
    };

    /// <summary>
    /// What to record next at scenario time <paramref name="now"/>: the restores decisions asked for, else the earliest
    /// timed change that has fallen due (one, since it changes what follows), else nothing.
    /// </summary>
    public IReadOnlyList<ServiceTransition> Due(TimeSpan now)
    {
        if (_restores.Count > 0)
            return [.. _restores.Select(r => new ServiceTransition(r.ServiceId, _entries[r.ServiceId].Status, ServiceStatus.Restoring,
                ServiceCause.Decision, r.At, $"restoring:{r.ServiceId}:{r.DecisionSeq}", DecisionSeq: r.DecisionSeq))];
        var next = Timed().FirstOrDefault();
        return next is not null && next.At <= now ? [next] : [];
    }

    /// <summary>The first scenario time after now at which a timed change falls due, if nothing else changes.</summary>
    public TimeSpan? NextAfter(TimeSpan now) => Timed().Where(t => t.At > now).Select(t => (TimeSpan?)t.At).FirstOrDefault();

    /// <summary>When a service follows a dependency down unless it comes back first (its board's FailsAt).</summary>
    public TimeSpan? FailsAt(string serviceId) =>
        Timed().Where(t => t.ServiceId == serviceId && t.Cause == ServiceCause.Cascade).Select(t => (TimeSpan?)t.At).FirstOrDefault();

    /// <summary>Every timed change the rules call for as things stand, earliest first (then in scenario order).</summary>
    private IEnumerable<ServiceTransition> Timed()
    {
        var changes = new List<(ServiceTransition Change, int Order)>();
        var order = 0;
        foreach (var entry in Entries)
        {
            order++;
            var id = entry.Service.Id;
            if (entry.Status == ServiceStatus.Restoring)
            {
                changes.Add((new ServiceTransition(id, entry.Status, ServiceStatus.Up, ServiceCause.Decision, entry.UpAt!.Value,
                    $"restored:{id}:{entry.DecisionSeq}", DecisionSeq: entry.DecisionSeq), order));
                continue;
            }
            foreach (var dependency in entry.Service.DependsOn)
            {
                if (!_entries.TryGetValue(dependency.ServiceId, out var on)) continue;
                var (to, since) = on.DownSince is { } down && entry.Level < 2 ? (ServiceStatus.Down, down)
                    : on.ImpairedSince is { } impaired && entry.Level < 1 ? (ServiceStatus.Degraded, impaired)
                    : (ServiceStatus.Up, TimeSpan.Zero);
                if (to == ServiceStatus.Up) continue;
                var at = (since > entry.UpSince ? since : entry.UpSince) + dependency.Tolerance;
                changes.Add((new ServiceTransition(id, entry.Status, to, ServiceCause.Cascade, at,
                    $"cascade:{id}:{ConditionWords.State(to)}:{at.Ticks}", CauseServiceId: on.Service.Id), order));
            }
            if (entry.ByCascade && entry.Level > 0)
            {
                var dependencies = entry.Service.DependsOn.Select(d => _entries.GetValueOrDefault(d.ServiceId)).OfType<Entry>().ToArray();
                if (dependencies.All(d => d.Level == 0))
                {
                    var at = dependencies.Select(d => d.UpSince).Append(entry.Since).Max();
                    changes.Add((new ServiceTransition(id, entry.Status, ServiceStatus.Up, ServiceCause.Recovered, at,
                        $"recovered:{id}:{at.Ticks}"), order));
                }
            }
        }
        return changes.OrderBy(c => c.Change.At).ThenBy(c => c.Order).Select(c => c.Change);
    }

    public ServiceBoard Board(long asOfSeq, TimeSpan now) =>
        new(asOfSeq, now, [.. Entries.Select(e => new ServiceView(e.Service, e.Status, e.Since, e.Cause, e.CauseServiceId,
            e.UpAt, e.Status == ServiceStatus.Restoring ? null : FailsAt(e.Service.Id), e.ChangedSeq))]);
}
