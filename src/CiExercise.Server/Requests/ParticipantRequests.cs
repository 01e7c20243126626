namespace CiExercise.Server.Requests;

/// <summary>
/// What every participant action carries besides its content: the client's own id for the action, which
/// makes a retry record it once. Who acts is the signed-in participant, never a field of the body.
/// </summary>
public interface IParticipantRequest : IKeyedRequest;

public sealed record AcknowledgeRequest(string? InjectId, string? ClientActionId) : IParticipantRequest;

public sealed record DecisionRequest(string? InjectId, string? ChoiceId, string? Text, string? ClientActionId) : IParticipantRequest;

public sealed record MessageRequest(
    IReadOnlyList<string>? To,
    string? Subject,
    string? Body,
    string? RegardingInjectId,
    long? ForwardedFromSeq,
    string? ClientActionId) : IParticipantRequest;
