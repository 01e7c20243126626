using CiExercise.Contracts.CommunicationChecks;

namespace CiExercise.Server.Requests;

/// <summary>A controller's check: route "chain" (down the reporting chain) or "everyone", and the message.</summary>
public sealed record CommunicationCheckRequest(CheckRoute? Route, string? Message, string? ClientActionId) : IKeyedRequest;

/// <summary>A participant's answer to a check (acknowledge, or pass on); who answers is the signed-in participant.</summary>
public sealed record CheckAnswerRequest(string? ClientActionId) : IParticipantRequest;
