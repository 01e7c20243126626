using CiExercise.Server.Identity;

namespace CiExercise.Server.Requests;

/// <summary>One link to issue. A participant needs an organization of the scenario and one of its roles; nobody else has either.</summary>
public sealed record JoinLinkRequest(PrincipalKind? Kind, string? OrganizationId, string? Role, string? Name, TimeSpan? ExpiresIn);
