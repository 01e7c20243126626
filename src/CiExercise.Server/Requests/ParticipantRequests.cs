namespace CiExercise.Server.Requests;

/// <summary>
/// Fields every participant action carries: who acts (name) in which role of the organization in the
/// path, and the client's own id for the action, which makes a retry record it once.
/// </summary>
public interface IParticipantRequest
{
    string? Participant { get; }

    string? Role { get; }

    string? ClientActionId { get; }
}

public sealed record AcknowledgeRequest(string? InjectId, string? Participant, string? Role, string? ClientActionId)
    : IParticipantRequest;

public sealed record DecisionRequest(
    string? InjectId, string? ChoiceId, string? Text, string? Participant, string? Role, string? ClientActionId)
    : IParticipantRequest;

public sealed record MessageRequest(
    IReadOnlyList<string>? To,
    string? Subject,
    string? Body,
    string? RegardingInjectId,
    long? ForwardedFromSeq,
    string? Participant,
    string? Role,
    string? ClientActionId) : IParticipantRequest;
