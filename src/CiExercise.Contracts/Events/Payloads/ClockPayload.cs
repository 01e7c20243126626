namespace CiExercise.Contracts.Events.Payloads;

/// <summary>
/// The payload of every lifecycle and clock event: the speed in force after it, the scenario time
/// jumped to (ClockJumped) and why (a phase or an inject), and the reason of a real-world halt.
/// ClientActionId and Fingerprint are the controller's key for the command and what the command was, so
/// that a resend is recognised even after the grain is rebuilt from the log.
/// </summary>
public sealed record ClockPayload(
    double Speed,
    TimeSpan? JumpedTo = null,
    string? PhaseId = null,
    string? InjectId = null,
    string? Reason = null,
    string? ClientActionId = null,
    string? Fingerprint = null);
