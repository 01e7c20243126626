using CiExercise.Contracts.Scenarios;

namespace CiExercise.Contracts.Events.Payloads;

/// <summary>
/// An inject reached one organization. Roles that see it (empty: all roles), the scenario time by
/// which an answer is expected, and the answer choices, so the organization can check a decision alone.
/// </summary>
public sealed record InjectDeliveredPayload(
    IReadOnlyList<string> Roles,
    Channel Channel,
    TimeSpan? RespondBy,
    IReadOnlyList<string> ChoiceIds,
    bool Late,
    TimeSpan Lateness);
