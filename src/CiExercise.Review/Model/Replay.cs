using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Review.Model;

/// <summary>
/// The exercise as it was once the event AtSeq had been recorded: rebuilt from the log by the grains' own folds.
/// Organizations holds one line per organization; the full view of one is <see cref="ReplayOrganization"/>.
/// </summary>
public sealed record ReplaySnapshot(
    long AtSeq,
    DateTimeOffset WallTime,
    TimeSpan ScenarioTime,
    ExerciseStatus Status,
    IReadOnlyList<ReplayOrganizationLine> Organizations,
    IReadOnlyList<ReplayInject> Injects,
    IReadOnlyList<ReplayShare> Shares);

/// <summary>What one organization had received, acknowledged and answered at the moment; Overdue: past their window unanswered.</summary>
public sealed record ReplayOrganizationLine(
    string OrganizationId, Sector Sector, int Received, int Acknowledged, int Answered, int Overdue, int MessagesSent, int MessagesReceived);

/// <summary>An inject at the moment: fired or not, to how many, and which organizations were overdue on it.</summary>
public sealed record ReplayInject(
    string InjectId, bool Fired, TimeSpan? FiredAtScenario, int Recipients, int Acknowledged, int Answered, IReadOnlyList<string> OverdueOrganizations);

/// <summary>One message shared from one organization to others up to the moment.</summary>
public sealed record ReplayShare(long Seq, string From, IReadOnlyList<string> To, string Subject, string? RegardingInjectId, long? ForwardedFromSeq, TimeSpan ScenarioTime);

/// <summary>One organization's own view at the moment: the same record its console showed then.</summary>
public sealed record ReplayOrganization(long AtSeq, TimeSpan ScenarioTime, OrganizationView View, IReadOnlyList<string> OverdueInjects);
