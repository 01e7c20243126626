using CiExercise.Cli.Rehearsal.Participants;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;
using CiExercise.Review.Model;

namespace CiExercise.Cli.Rehearsal.Report;

/// <summary>The rehearsal's report, from the scenario, the log, the exercise's final view and its review.</summary>
public static class RehearsalReports
{
    /// <summary>
    /// The scenario time a rehearsal plays to: the planned duration, or when none is set, until the last inject's window
    /// has closed (an hour after the last inject when it has none).
    /// </summary>
    public static TimeSpan EndOf(Scenario scenario) =>
        scenario.PlannedDuration ?? scenario.Injects.Select(i => i.At + (i.ResponseWindow ?? TimeSpan.FromHours(1))).DefaultIfEmpty(TimeSpan.FromHours(1)).Max();

    /// <summary>The injects a prompt participant cannot answer inside their window at this speed (a static check of the file).</summary>
    public static IReadOnlyList<UnanswerableInject> Unanswerable(Scenario scenario, double speed)
    {
        var needed = Needed(speed);
        return scenario.Injects.Where(i => i.ResponseWindow is { } window && window < needed)
            .Select(i => new UnanswerableInject(i.Id, i.At, i.ResponseWindow!.Value, needed)).ToArray();
    }

    private static TimeSpan Needed(double speed) => TimeSpan.FromTicks((long)(ThinkTimes.Prompt.FastestDecision.Ticks * speed));

    public static RehearsalReport Compile(
        Scenario scenario, RehearsalOptions options, TimeSpan end, IReadOnlyList<ExerciseEvent> events, ExerciseView view,
        ExerciseReview review, IReadOnlyList<RefusedAction> refused)
    {
        var scripted = view.Injects.Where(i => !i.AdHoc).ToArray();
        var figures = new RehearsalFigures(scripted.Length, scripted.Count(i => i.Status == InjectStatus.Fired), events.Count,
            Count(events, EventKind.InjectAcknowledged), Count(events, EventKind.DecisionRecorded), Count(events, EventKind.ReportSubmitted),
            Count(events, EventKind.FeedPosted), Count(events, EventKind.MessageSent));
        var notFired = scripted.Where(i => i.Status != InjectStatus.Fired).ToArray();
        return new RehearsalReport(scenario.Id, scenario.Title, options.Speed, options.Participants, options.Seed, end, figures,
            Needed(options.Speed), Unanswerable(scenario, options.Speed),
            notFired.Select(i => new InjectNotFired(i.Inject.Id, i.Status, i.Hold?.Reason)).ToArray(),
            NeverChosen(scripted, events), notFired.SelectMany(Unmet).ToArray(), Releases(events),
            ReceivedNothing(scenario, events), Cascades(events), Kpis(review),
            [.. refused.OrderBy(r => r.OrganizationId, StringComparer.Ordinal).ThenBy(r => r.InjectId, StringComparer.Ordinal).ThenBy(r => r.Action, StringComparer.Ordinal)]);
    }

    private static int Count(IReadOnlyList<ExerciseEvent> events, EventKind kind) => events.Count(e => e.Kind == kind);

    private static IReadOnlyList<ChoicesNeverChosen> NeverChosen(IReadOnlyList<InjectState> injects, IReadOnlyList<ExerciseEvent> events)
    {
        var chosen = events.Where(e => e.Kind == EventKind.DecisionRecorded)
            .Select(e => (e.InjectId, ScenarioJson.Deserialize<ParticipantActionPayload>(e.Payload).ChoiceId))
            .ToHashSet();
        return injects.Where(i => i.Status == InjectStatus.Fired)
            .Select(i => new ChoicesNeverChosen(i.Inject.Id, i.Inject.Choices.Select(c => c.Id).Where(c => !chosen.Contains((i.Inject.Id, c))).ToArray()))
            .Where(c => c.Choices.Count > 0)
            .ToArray();
    }

    /// <summary>The conditions of an inject that never fired which were not met: the leaves of its progress, or of its hold.</summary>
    private static IEnumerable<UnmetCondition> Unmet(InjectState inject)
    {
        if (inject.Inject.Hold is not { When: { } when }) return [];
        if (inject.Hold?.When is { } progress) return Leaves(progress).Where(p => !p.Met).Select(p => new UnmetCondition(inject.Inject.Id, "when", p.Summary));
        return Leaves(when).Select(c => new UnmetCondition(inject.Inject.Id, "when", Describe(c)));
    }

    private static IEnumerable<ConditionProgress> Leaves(ConditionProgress progress) =>
        progress.Parts.Count == 0 ? [progress] : progress.Parts.SelectMany(Leaves);

    private static IEnumerable<Condition> Leaves(Condition condition) =>
        condition.Of.Count == 0 ? [condition] : condition.Of.SelectMany(Leaves);

    /// <summary>A condition in the file's words, when the engine gave none: its kind and what it names.</summary>
    private static string Describe(Condition c) =>
        string.Join(" ", new[] { Kebab(c.Kind.ToString()), c.InjectId, c.ChoiceId, c.To, c.ServiceId, c.State is { } s ? Kebab(s.ToString()) : null,
            c.By.OrganizationId, c.By.Sector is { } sector ? Kebab(sector.ToString()) : null }.OfType<string>());

    private static string Kebab(string name) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(name);

    private static IReadOnlyList<InjectRelease> Releases(IReadOnlyList<ExerciseEvent> events) =>
        events.Where(e => e.Kind == EventKind.InjectReleased).Select(e =>
        {
            var released = ScenarioJson.Deserialize<InjectReleasedPayload>(e.Payload);
            return new InjectRelease(e.InjectId!, e.ScenarioTime, released.DueAt, released.Reason, released.Manual);
        }).OrderBy(r => r.At).ThenBy(r => r.InjectId, StringComparer.Ordinal).ToArray();

    private static IReadOnlyList<SilentOrganization> ReceivedNothing(Scenario scenario, IReadOnlyList<ExerciseEvent> events)
    {
        var reached = events.Where(e => e.Kind is EventKind.InjectDelivered or EventKind.MessageReceived).Select(e => e.OrganizationId).ToHashSet();
        return scenario.Organizations.Where(o => !reached.Contains(o.Id)).Select(o => new SilentOrganization(o.Id, o.Simulated)).ToArray();
    }

    private static IReadOnlyList<CascadeStep> Cascades(IReadOnlyList<ExerciseEvent> events) =>
        events.Where(e => e.Kind == EventKind.ServiceChanged)
            .Select(e => (e.ScenarioTime, Change: ScenarioJson.Deserialize<ServiceChangedPayload>(e.Payload)))
            .Where(x => x.Change.Cause == ServiceCause.Cascade)
            .Select(x => new CascadeStep(x.ScenarioTime, x.Change.ServiceId, x.Change.To, x.Change.CauseServiceId))
            .OrderBy(c => c.At).ThenBy(c => c.ServiceId, StringComparer.Ordinal).ToArray();

    private static RehearsalKpis Kpis(ExerciseReview review)
    {
        var kpis = review.Kpis;
        var stages = kpis.Reachability.GroupBy(r => r.Stage).OrderBy(g => g.Key)
            .Select(g => new StageFigures(g.Key, g.Sum(r => r.Organizations), g.Sum(r => r.ReachedInWindow), g.Sum(r => r.Reached))).ToArray();
        var misses = kpis.Misses.GroupBy(m => m.Kpi).OrderBy(g => g.Key).Select(g => new MissCount(g.Key, g.Count())).ToArray();
        return new RehearsalKpis(kpis.Exercise, kpis.Sectors.Where(s => s.Delivered > 0).ToArray(), stages, misses);
    }
}
