namespace CiExercise.Contracts.Events.Payloads;

/// <summary>
/// An inject left the timeline. DueAt is the wall moment the scenario clock reached the inject's time;
/// Lateness = fired − due, and Late when that exceeds the firing tolerance (after a restart, say).
/// </summary>
public sealed record InjectFiredPayload(
    DateTimeOffset DueAt,
    TimeSpan Lateness,
    bool Late,
    bool AdHoc,
    IReadOnlyList<string> Recipients);
