using CiExercise.Cli.Rehearsal.Participants;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;
using CiExercise.Review.Model;

namespace CiExercise.Cli.Rehearsal.Report;

/// <summary>
/// What a rehearsal found, in scenario time only (wall times differ from run to run; everything here is the same for
/// the same file, speed, behaviour and seed). Lists are in scenario order.
/// </summary>
public sealed record RehearsalReport(
    string ScenarioId,
    LocalizedText Title,
    double Speed,
    Behaviour Participants,
    int Seed,
    TimeSpan End,
    RehearsalFigures Figures,
    TimeSpan FastestDecision,
    IReadOnlyList<UnanswerableInject> Unanswerable,
    IReadOnlyList<InjectNotFired> NotFired,
    IReadOnlyList<ChoicesNeverChosen> ChoicesNeverChosen,
    IReadOnlyList<UnmetCondition> ConditionsNeverMet,
    IReadOnlyList<InjectRelease> Released,
    IReadOnlyList<SilentOrganization> ReceivedNothing,
    IReadOnlyList<CascadeStep> Cascades,
    RehearsalKpis Kpis,
    IReadOnlyList<RefusedAction> Refused);

/// <summary>How much was played: injects fired of those scripted, and what the participants did.</summary>
public sealed record RehearsalFigures(
    int Injects, int Fired, int Events, int Acknowledgements, int Decisions, int Reports, int Statements, int Messages);

/// <summary>An inject whose window is shorter than the least scenario time a prompt participant needs to decide at this speed.</summary>
public sealed record UnanswerableInject(string InjectId, TimeSpan At, TimeSpan Window, TimeSpan Needed);

/// <summary>A scripted inject that never fired: held and never released, cancelled, or not due before the end.</summary>
public sealed record InjectNotFired(string InjectId, InjectStatus Status, string? Reason);

public sealed record ChoicesNeverChosen(string InjectId, IReadOnlyList<string> Choices);

/// <summary>A condition of an inject that never fired which was not met by the end (Summary: the engine's words, or its kind).</summary>
public sealed record UnmetCondition(string InjectId, string Part, string Summary);

/// <summary>A held inject released, when, and why (the engine's words).</summary>
public sealed record InjectRelease(string InjectId, TimeSpan At, TimeSpan DueAt, string Reason, bool Manual);

public sealed record SilentOrganization(string OrganizationId, bool Simulated);

/// <summary>A service that went down or degraded because one it depends on stayed down past its tolerance.</summary>
public sealed record CascadeStep(TimeSpan At, string ServiceId, ServiceStatus To, string? Because);

/// <summary>The after-action review's figures for the rehearsal (ReviewService over its log): exercise, sectors, chain stages, misses.</summary>
public sealed record RehearsalKpis(
    ResponseFigures Exercise,
    IReadOnlyList<ResponseFigures> Sectors,
    IReadOnlyList<StageFigures> Stages,
    IReadOnlyList<MissCount> Misses);

/// <summary>A stage of the reporting chain over every incident inject: organizations to reach, reached in window, reached at all.</summary>
public sealed record StageFigures(ChainStageKind Stage, int Organizations, int ReachedInWindow, int Reached);

public sealed record MissCount(KpiKind Kpi, int Count);
