using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;
using CiExercise.Grains.Exercises;

namespace CiExercise.Grains.Dynamics;

/// <summary>
/// The exercise's dynamics, folded from the whole log in seq order up to <see cref="Cursor"/>: the facts conditions
/// watch and the services' states. The timeline reads on from the cursor and asks what the rules call for now.
/// </summary>
internal sealed class ExerciseDynamics(Scenario scenario, Func<string, Inject?> findInject)
{
    private readonly Inject[] _conditional = [.. scenario.Injects.Where(i => i.Hold is not null)];

    /// <summary>The last row folded.</summary>
    public long Cursor { get; private set; }

    public RecordFacts Facts { get; } = new();

    public ServiceFold Services { get; } = new(scenario, findInject);

    public void Apply(ExerciseEvent e)
    {
        if (e.Seq <= Cursor) return;
        Cursor = e.Seq;
        Facts.Apply(e);
        Services.Apply(e);
    }

    public ConditionEvaluator Evaluator(TimeSpan now) => new(scenario, Facts, now);

    /// <summary>The releases and cancellations the rules of conditional injects call for at scenario time now.</summary>
    public IReadOnlyList<HoldDecision> HoldDecisions(ExerciseState state, TimeSpan now)
    {
        var evaluator = Evaluator(now);
        return [.. _conditional.Select(i => HoldRules.Decide(i, state.StatusOf(i), state.HoldOf(i.Id)?.DueAt, evaluator)).OfType<HoldDecision>()];
    }

    /// <summary>The first scenario time after now at which a rule may act: a deadline, a timed part, a cascade or a recovery.</summary>
    public TimeSpan? NextAfter(ExerciseState state, TimeSpan now)
    {
        var evaluator = Evaluator(now);
        var moments = new List<TimeSpan>();
        foreach (var inject in _conditional)
        {
            var status = state.StatusOf(inject);
            HoldRules.Decide(inject, status, state.HoldOf(inject.Id)?.DueAt, evaluator);
            moments.AddRange(HoldRules.Upcoming(inject, status, evaluator));
        }
        moments.AddRange(evaluator.Upcoming);
        if (Services.NextAfter(now) is { } service) moments.Add(service);
        var upcoming = moments.Where(m => m > now).ToArray();
        return upcoming.Length == 0 ? null : upcoming.Min();
    }

    public HoldView HoldView(Inject inject, ExerciseState state, TimeSpan now) =>
        HoldRules.View(inject, state.HoldOf(inject.Id), Evaluator(now));
}
