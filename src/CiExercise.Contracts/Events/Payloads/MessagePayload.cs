using CiExercise.Contracts.Exercises;

namespace CiExercise.Contracts.Events.Payloads;

/// <summary>
/// A message, on the sender's MessageSent row and on each recipient's MessageReceived row; MessageId
/// ties them together. The event's RefSeq is the row of the sender's stream it forwards, if any; Report is the report
/// it forwards, answers and all (absent from rows written before reports existed, and from other messages).
/// </summary>
public sealed record MessagePayload(
    string MessageId,
    string From,
    IReadOnlyList<string> To,
    string Subject,
    string Body,
    string? RegardingInjectId,
    string? ClientActionId,
    string? Fingerprint = null,
    SubmittedReport? Report = null);
