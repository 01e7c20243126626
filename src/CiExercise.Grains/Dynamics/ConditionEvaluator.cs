using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Grains.Dynamics;

/// <summary>
/// Judges conditions on the record as folded so far, at scenario time Now. Every part is latched: once the record
/// holds what it waits for it stays met, at the scenario time and row where it was first met, so the answer depends
/// on the record and not on when it is asked. A not-acknowledged part is judged at its time: until then it is not
/// met, and that time joins <see cref="Upcoming"/> for the next wake-up.
/// </summary>
internal sealed class ConditionEvaluator(Scenario scenario, RecordFacts facts, TimeSpan now)
{
    /// <summary>Scenario times after Now at which a part will be judged.</summary>
    public List<TimeSpan> Upcoming { get; } = [];

    public TimeSpan Now => now;

    public ConditionProgress Evaluate(Condition condition) => condition.Kind switch
    {
        ConditionKind.AllOf => Combined(condition, all: true),
        ConditionKind.AnyOf => Combined(condition, all: false),
        ConditionKind.Decision => Counted(condition, condition.InjectId, Decisions(condition),
            condition.ChoiceId is { } choice ? $"decided '{choice}' on {condition.InjectId}" : $"decided on {condition.InjectId}"),
        ConditionKind.Severity => Counted(condition, condition.InjectId,
            facts.Decisions(condition.InjectId ?? "").Where(d => d.Level >= condition.AtLeast).Select(d => (d.OrganizationId, d.Mark)),
            $"rated {condition.InjectId} at severity {condition.AtLeast} or above"),
        ConditionKind.Report => Counted(condition, condition.InjectId, facts.Reports(condition.InjectId ?? ""),
            $"submitted the report on {condition.InjectId}"),
        ConditionKind.Statement => Counted(condition, null, facts.Statements, "published a press statement"),
        ConditionKind.Message => Counted(condition, condition.InjectId,
            facts.MessagesTo(condition.To ?? "")
                .Where(m => condition.InjectId is null || m.RegardingInjectId == condition.InjectId)
                .Select(m => (m.From, m.Mark)),
            condition.InjectId is null ? $"sent {condition.To} a message" : $"sent {condition.To} a message regarding {condition.InjectId}"),
        ConditionKind.NotAcknowledged => NotAcknowledged(condition),
        ConditionKind.Delivered => Single(condition, facts.DeliveredAtAll(condition.InjectId ?? ""),
            $"{condition.InjectId} delivered", $"{condition.InjectId} not delivered yet"),
        ConditionKind.Service => Single(condition, facts.Reached(condition.ServiceId ?? "", condition.State ?? ServiceStatus.Down),
            $"{condition.ServiceId} {ConditionWords.State(condition.State ?? ServiceStatus.Down)}",
            $"waiting for {condition.ServiceId} to be {ConditionWords.State(condition.State ?? ServiceStatus.Down)}"),
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition.Kind, "Unknown condition kind."),
    };

    private IEnumerable<(string OrganizationId, Mark Mark)> Decisions(Condition condition) =>
        facts.Decisions(condition.InjectId ?? "")
            .Where(d => condition.ChoiceId is null || d.ChoiceId == condition.ChoiceId)
            .Select(d => (d.OrganizationId, d.Mark));

    private ConditionProgress Counted(Condition condition, string? injectId, IEnumerable<(string OrganizationId, Mark Mark)> acts, string verb)
    {
        var scope = ConditionScopeSet.Of(scenario, condition.By, injectId);
        var first = scope.FirstActs(acts);
        var met = scope.Members.Count > 0 && first.Count >= scope.Needed;
        Mark? at = met ? first[scope.Needed - 1].Mark : null;
        return new ConditionProgress(condition, met, at?.At, at?.Seq, first.Count, scope.Needed,
            ConditionWords.Counted(scope, first.Count, verb, met), []);
    }

    /// <summary>Judged at its time: the members the inject reached by then that had not acknowledged it by then.</summary>
    private ConditionProgress NotAcknowledged(Condition condition)
    {
        var injectId = condition.InjectId ?? "";
        var at = condition.At ?? TimeSpan.Zero;
        var judged = now >= at;
        var scope = ConditionScopeSet.Of(scenario, condition.By, injectId);
        var silent = scope.Members.Count(o =>
            facts.Delivered(injectId, o) is { } delivered && delivered.At <= at
            && !(facts.Acknowledged(injectId, o) is { } ack && ack.At <= at));
        var met = judged && scope.Members.Count > 0 && silent >= scope.Needed;
        if (!judged) Upcoming.Add(at);
        var verb = judged
            ? $"had not acknowledged {injectId} by {ConditionWords.Story(at)}"
            : $"have not acknowledged {injectId} (judged at {ConditionWords.Story(at)})";
        return new ConditionProgress(condition, met, met ? at : null, null, silent, scope.Needed,
            ConditionWords.Counted(scope, silent, verb, met), []);
    }

    private static ConditionProgress Single(Condition condition, Mark? mark, string met, string waiting) =>
        new(condition, mark is not null, mark?.At, mark?.Seq, mark is null ? 0 : 1, 1, mark is null ? waiting : met, []);

    /// <summary>All-of is met when its last part is, any-of when its first part is; the row behind it is that part's.</summary>
    private ConditionProgress Combined(Condition condition, bool all)
    {
        var parts = condition.Of.Select(Evaluate).ToArray();
        var metParts = parts.Where(p => p.Met).OrderBy(p => p.MetAt).ThenBy(p => p.MetSeq ?? 0).ToArray();
        var met = parts.Length > 0 && (all ? metParts.Length == parts.Length : metParts.Length > 0);
        var decisive = !met ? null : all ? metParts[^1] : metParts[0];
        var summary = $"{(all ? "all" : "any")} of {parts.Length}: {metParts.Length} met";
        return new ConditionProgress(condition, met, decisive?.MetAt, decisive?.MetSeq, metParts.Length, all ? parts.Length : 1, summary, parts);
    }
}
