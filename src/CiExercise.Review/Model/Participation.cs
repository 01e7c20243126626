using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Review.Model;

/// <summary>Who took part: organizations and people that joined, acted and went silent; and the control cell's lateness.</summary>
public sealed record ParticipationReport(
    IReadOnlyList<OrganizationParticipation> Organizations,
    IReadOnlyList<InjectLateness> Lateness,
    IReadOnlyList<HotWashEntry> HotWash);

/// <summary>
/// One organization: the people who joined (first console subscription) and acted, when it last acted, and
/// WentSilent when it acted but left injects delivered after its last action unanswered.
/// </summary>
public sealed record OrganizationParticipation(
    string OrganizationId,
    Sector Sector,
    bool Simulated,
    IReadOnlyList<string> Joined,
    IReadOnlyList<string> Acted,
    DateTimeOffset? LastActedAt,
    bool WentSilent);

/// <summary>How late the control cell fired an inject (zero: on time).</summary>
public sealed record InjectLateness(string InjectId, bool AdHoc, TimeSpan? FiredAtScenario, TimeSpan Lateness, bool Late);

/// <summary>One participant's hot-wash answers.</summary>
public sealed record HotWashEntry(long Seq, string OrganizationId, string PersonId, string Role, DateTimeOffset WallTime, IReadOnlyList<HotWashAnswer> Answers);
