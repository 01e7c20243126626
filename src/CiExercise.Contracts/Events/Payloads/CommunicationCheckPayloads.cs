using CiExercise.Contracts.CommunicationChecks;

namespace CiExercise.Contracts.Events.Payloads;

/// <summary>
/// A controller started a check. Targets is every organization it should reach, with the one expected to
/// pass it on, so that reachability is computed from the log alone, even if the scenario were lost.
/// </summary>
public sealed record CommunicationCheckStartedPayload(
    string CheckId, CheckRoute Route, string Message, IReadOnlyList<CheckTarget> Targets, string? ClientActionId,
    string? Fingerprint = null);

public sealed record CommunicationCheckClosedPayload(string CheckId, string? ClientActionId = null, string? Fingerprint = null);

/// <summary>
/// A check reached one organization: from the control cell (From null) or passed on by From. PassOnTo are the
/// organizations it is to pass it on to (empty: it only acknowledges).
/// </summary>
public sealed record CommunicationCheckReceivedPayload(
    string CheckId, CheckRoute Route, string Message, string? From, IReadOnlyList<string> PassOnTo);

/// <summary>An organization acknowledged a check (Implicit: by passing it on first) or passed it on to To.</summary>
public sealed record CommunicationCheckAnswerPayload(
    string CheckId, IReadOnlyList<string>? To = null, bool Implicit = false, string? ClientActionId = null, string? Fingerprint = null);
