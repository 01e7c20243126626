using CiExercise.Contracts.CommunicationChecks;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Grains.CommunicationChecks;

/// <summary>
/// Communication checks as their rows in the log say they are: the exercise grain folds the exercise-level
/// rows (which checks exist, which are open), the report folds every row of them. Rows of other kinds are ignored.
/// </summary>
public sealed class CheckFold
{
    private readonly Dictionary<string, Check> _checks = new(StringComparer.Ordinal);

    public int Count => _checks.Count;

    public int OpenCount => _checks.Values.Count(c => c.ClosedAt is null);

    public bool Exists(string checkId) => _checks.ContainsKey(checkId);

    public bool IsOpen(string checkId) => _checks.TryGetValue(checkId, out var c) && c.ClosedAt is null;

    /// <summary>The check the row at seq started (the row a controller's key points to, when the start was resent).</summary>
    public (string CheckId, long Seq, DateTimeOffset At, int Targets)? Started(long seq) =>
        _checks.Values.FirstOrDefault(c => c.Seq == seq) is { } c ? (c.Id, c.Seq, c.StartedAt, c.Targets.Count) : null;

    public static bool Concerns(EventKind kind) => kind is EventKind.CommunicationCheckStarted or EventKind.CommunicationCheckClosed
        or EventKind.CommunicationCheckReceived or EventKind.CommunicationCheckAcknowledged or EventKind.CommunicationCheckPassedOn;

    public void Apply(ExerciseEvent e)
    {
        switch (e.Kind)
        {
            case EventKind.CommunicationCheckStarted:
                var started = Payload<CommunicationCheckStartedPayload>(e);
                _checks.TryAdd(started.CheckId, new Check(started.CheckId, e.Seq, started.Route, started.Message, e.Actor.Id, e.WallTime,
                    started.Targets.ToDictionary(t => t.OrganizationId, t => new Reach(t), StringComparer.Ordinal)));
                break;
            case EventKind.CommunicationCheckClosed when Find(Payload<CommunicationCheckClosedPayload>(e).CheckId) is { } closed:
                closed.ClosedAt ??= e.WallTime;
                break;
            case EventKind.CommunicationCheckReceived when Target(e) is { } received:
                received.ReceivedAt ??= e.WallTime;
                break;
            case EventKind.CommunicationCheckAcknowledged when Target(e) is { } acknowledged && acknowledged.AcknowledgedAt is null:
                acknowledged.AcknowledgedAt = e.WallTime;
                acknowledged.AcknowledgedBy = e.Actor.Id;
                break;
            case EventKind.CommunicationCheckPassedOn when Target(e) is { } passed:
                passed.PassedOnAt ??= e.WallTime;
                break;
        }
    }

    public IReadOnlyList<CheckReport> Reports() => _checks.Values.OrderBy(c => c.Seq).Select(Report).ToArray();

    private static CheckReport Report(Check c)
    {
        var stages = c.Targets.Values.GroupBy(r => r.Target.Stage).OrderBy(g => g.Key).Select(g =>
        {
            var times = g.Where(r => r.AcknowledgedAt is not null).Select(r => r.AcknowledgedAt!.Value - c.StartedAt).Order().ToArray();
            var total = g.Count();
            return new StageReach(g.Key, total, g.Count(r => r.ReceivedAt is not null), times.Length,
                total == 0 ? 0 : (double)times.Length / total,
                times.Length == 0 ? null : times[times.Length / 2], times.Length == 0 ? null : times[^1]);
        });
        var organizations = c.Targets.Values.Select(r => new CheckOrganization(r.Target.OrganizationId, r.Target.Stage, r.Target.Via,
            r.ReceivedAt, r.AcknowledgedAt, r.AcknowledgedBy, r.PassedOnAt));
        return new CheckReport(c.Id, c.Route, c.Message, c.StartedBy, c.StartedAt, c.ClosedAt, stages.ToArray(), organizations.ToArray());
    }

    private Check? Find(string checkId) => _checks.GetValueOrDefault(checkId);

    private Reach? Target(ExerciseEvent e) =>
        e.OrganizationId is { } org && Find(Payload<CheckIdOnly>(e).CheckId) is { } check ? check.Targets.GetValueOrDefault(org) : null;

    private static T Payload<T>(ExerciseEvent e) => ScenarioJson.Deserialize<T>(e.Payload);

    private sealed record CheckIdOnly(string CheckId);

    private sealed record Check(
        string Id, long Seq, CheckRoute Route, string Message, string StartedBy, DateTimeOffset StartedAt,
        Dictionary<string, Reach> Targets)
    {
        public DateTimeOffset? ClosedAt { get; set; }
    }

    private sealed class Reach(CheckTarget target)
    {
        public CheckTarget Target { get; } = target;
        public DateTimeOffset? ReceivedAt { get; set; }
        public DateTimeOffset? AcknowledgedAt { get; set; }
        public string? AcknowledgedBy { get; set; }
        public DateTimeOffset? PassedOnAt { get; set; }
    }
}
