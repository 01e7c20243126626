using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;
using CiExercise.Grains.Exercises;

namespace CiExercise.Grains.Dynamics;

/// <summary>
/// The rules of a conditional inject, decided from where its conditions were met, not from when they are asked, so a
/// late wake-up or a new activation decides as a timely one would have:
/// held until When is met, then due Delay later (never before At); still held at Deadline, cancelled; cancelled when
/// Unless is met before it fires (before its release falls due, or before At for an inject that waits for nothing).
/// </summary>
internal static class HoldRules
{
    public static HoldDecision? Decide(Inject inject, InjectStatus status, TimeSpan? releasedDueAt, ConditionEvaluator evaluator)
    {
        if (inject.Hold is not { } hold || status is InjectStatus.Fired or InjectStatus.Cancelled) return null;
        var unless = hold.Unless is null ? null : evaluator.Evaluate(hold.Unless);
        if (status != InjectStatus.Held)
        {
            var firesAt = releasedDueAt ?? inject.At;
            return unless is { Met: true, MetAt: { } stopped } && stopped < firesAt ? Cancel(inject, unless, stopped) : null;
        }

        var when = evaluator.Evaluate(hold.When!);
        var deadline = hold.Deadline;
        if (when is { Met: true, MetAt: { } metAt } && !(deadline < metAt))
        {
            var dueAt = Max(inject.At, metAt + hold.Delay);
            if (unless is { Met: true, MetAt: { } before } && before < dueAt) return Cancel(inject, unless, before);
            return new HoldDecision(inject.Id, true, metAt, dueAt, $"Released: {Describe(when)}", when.MetSeq);
        }
        if (unless is { Met: true, MetAt: { } stoppedAt } && !(deadline < stoppedAt)) return Cancel(inject, unless, stoppedAt);
        if (deadline is { } due && due <= evaluator.Now)
            return new HoldDecision(inject.Id, false, due, null,
                $"Cancelled: the deadline {ConditionWords.Story(due)} passed while it waited ({Describe(when)})", null);
        return null;
    }

    /// <summary>Scenario times after now at which the inject's rules may decide something: its deadline and timed parts.</summary>
    public static IEnumerable<TimeSpan> Upcoming(Inject inject, InjectStatus status, ConditionEvaluator evaluator)
    {
        if (inject.Hold is not { } hold || status is InjectStatus.Fired or InjectStatus.Cancelled) yield break;
        if (status == InjectStatus.Held && hold.Deadline is { } deadline && deadline > evaluator.Now) yield return deadline;
    }

    public static HoldView View(Inject inject, HoldOutcome? outcome, ConditionEvaluator evaluator)
    {
        var hold = inject.Hold!;
        return new HoldView(
            hold.When is null ? null : evaluator.Evaluate(hold.When),
            hold.Unless is null ? null : evaluator.Evaluate(hold.Unless),
            hold.Delay, hold.Deadline, outcome?.DueAt, outcome?.Reason, outcome?.TriggerSeq, outcome?.Manual ?? false);
    }

    private static HoldDecision Cancel(Inject inject, ConditionProgress unless, TimeSpan at) =>
        new(inject.Id, false, at, null, $"Cancelled: {Describe(unless)}", unless.MetSeq);

    /// <summary>A combined condition in words: the summaries of its met parts (all of them for all-of).</summary>
    private static string Describe(ConditionProgress progress) =>
        progress.Parts.Count == 0 ? progress.Summary
        : string.Join(progress.Condition.Kind == ConditionKind.AllOf ? " and " : " or ",
            (progress.Met && progress.Condition.Kind == ConditionKind.AnyOf ? progress.Parts.Where(p => p.Met).Take(1) : progress.Parts).Select(Describe));

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
