namespace CiExercise.Server.Identity;

/// <summary>Who is signed in, as the API shows it (without the token id).</summary>
public sealed record PrincipalView(PrincipalKind Kind, string? ExerciseId, string? OrganizationId, string? Role, string Name)
{
    public static PrincipalView From(ExercisePrincipal p) => new(p.Kind, p.ExerciseId, p.OrganizationId, p.Role, p.Name);
}

/// <summary>What redeeming a link answers: the token to use from now on, its expiry and who it signs in.</summary>
public sealed record RedeemResult(string Token, DateTimeOffset ExpiresAt, PrincipalView Principal);
