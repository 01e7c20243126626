using CiExercise.Contracts.Scenarios;

namespace CiExercise.Server.Requests;

/// <summary>A controller sets a service's state (down, degraded or up), with a note for the record.</summary>
public sealed record ServiceChangeRequest(ServiceStatus? Status, string? Note, string? ClientActionId) : IKeyedRequest;

/// <summary>A controller releases (it fires now) or cancels a conditional inject, with the reason the board and review show.</summary>
public sealed record HoldRequest(string? Reason, string? ClientActionId) : IKeyedRequest;
