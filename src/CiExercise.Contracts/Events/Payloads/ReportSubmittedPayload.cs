using CiExercise.Contracts.Exercises;

namespace CiExercise.Contracts.Events.Payloads;

/// <summary>
/// A report form answered by an organization (the event's InjectId is the inject that asked; its RefSeq the delivery).
/// It counts as the organization's answer to the inject, like a decision, and can be forwarded as a report.
/// </summary>
public sealed record ReportSubmittedPayload(IReadOnlyList<FieldAnswer> Answers, string? ClientActionId = null, string? Fingerprint = null);
