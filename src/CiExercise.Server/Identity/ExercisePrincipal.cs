using System.Security.Claims;
using CiExercise.Contracts.Events;

namespace CiExercise.Server.Identity;

/// <summary>
/// Who is signed in, as the exercise sees them. ExerciseId is null only for a controller of every
/// exercise (the first controller); everyone else is bound to one exercise, and a participant to one
/// organization and role.
/// </summary>
public sealed record ExercisePrincipal(
    PrincipalKind Kind,
    string? ExerciseId,
    string? OrganizationId,
    string? Role,
    string Name,
    string? TokenId)
{
    public const string EvaluatorRole = "evaluator";
    public const string ObserverRole = "observer";

    /// <summary>The principal of an authenticated user, or null when its claims do not make one.</summary>
    public static ExercisePrincipal? From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return null;
        if (!Enum.TryParse<PrincipalKind>(user.FindFirstValue(ClaimNames.Kind), ignoreCase: true, out var kind)) return null;
        var name = user.FindFirstValue(ClaimNames.Name) ?? user.Identity.Name;
        if (string.IsNullOrWhiteSpace(name)) return null;
        var principal = new ExercisePrincipal(kind, user.FindFirstValue(ClaimNames.Exercise), user.FindFirstValue(ClaimNames.Organization),
            user.FindFirstValue(ClaimNames.Role), name, user.FindFirstValue(ClaimNames.TokenId));
        return principal.IsWellFormed ? principal : null;
    }

    public IEnumerable<Claim> ToClaims()
    {
        yield return new Claim(ClaimNames.Kind, Kind.ToString().ToLowerInvariant());
        yield return new Claim(ClaimNames.Name, Name);
        if (ExerciseId is not null) yield return new Claim(ClaimNames.Exercise, ExerciseId);
        if (OrganizationId is not null) yield return new Claim(ClaimNames.Organization, OrganizationId);
        if (Role is not null) yield return new Claim(ClaimNames.Role, Role);
        if (TokenId is not null) yield return new Claim(ClaimNames.TokenId, TokenId);
    }

    private bool IsWellFormed => Kind switch
    {
        PrincipalKind.Controller => true,
        PrincipalKind.Participant => ExerciseId is not null && OrganizationId is not null && Role is not null,
        _ => ExerciseId is not null,
    };

    /// <summary>Whether this principal belongs to the exercise at all.</summary>
    public bool Covers(string exerciseId) => ExerciseId == exerciseId || Kind == PrincipalKind.Controller && ExerciseId is null;

    public bool IsStaff => Kind is PrincipalKind.Controller or PrincipalKind.Evaluator or PrincipalKind.Observer;

    /// <summary>How the event log names this principal when it acts.</summary>
    public Actor ToActor() => Kind switch
    {
        PrincipalKind.Participant => new Actor(Name, Role!, OrganizationId),
        PrincipalKind.Controller => Actor.Controller(Name),
        PrincipalKind.Evaluator => new Actor(Name, EvaluatorRole, null),
        _ => new Actor(Name, ObserverRole, null),
    };
}
