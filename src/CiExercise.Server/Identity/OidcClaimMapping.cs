using System.Security.Claims;

namespace CiExercise.Server.Identity;

/// <summary>
/// Identity:Oidc: an enterprise OpenID Connect provider whose access tokens CiExercise accepts. Claims
/// names the claim types in the provider's tokens that carry the kind (controller, participant,
/// evaluator, observer), exercise, organization, role and display name; they are copied onto
/// <see cref="ClaimNames"/>, so the rest of the server cannot tell the two kinds of token apart.
/// </summary>
public sealed class OidcClaimMapping
{
    public string? Authority { get; init; }
    public string? Audience { get; init; }
    public ClaimTypes Claims { get; init; } = new();

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    public static OidcClaimMapping From(IConfiguration configuration) =>
        configuration.GetSection("Identity:Oidc").Get<OidcClaimMapping>() ?? new OidcClaimMapping();

    /// <summary>The provider's principal as CiExercise claims, or null with the reason when a claim is missing.</summary>
    public (ClaimsPrincipal? Principal, string? Refusal) Map(ClaimsPrincipal provider)
    {
        var mapped = new List<Claim>();
        void Copy(string from, string to)
        {
            if (provider.FindFirst(from)?.Value is { Length: > 0 } value) mapped.Add(new Claim(to, value));
        }
        Copy(Claims.Kind, ClaimNames.Kind);
        Copy(Claims.Exercise, ClaimNames.Exercise);
        Copy(Claims.Organization, ClaimNames.Organization);
        Copy(Claims.Role, ClaimNames.Role);
        Copy(Claims.Name, ClaimNames.Name);
        Copy(ClaimNames.TokenId, ClaimNames.TokenId);
        var principal = new ClaimsPrincipal(new ClaimsIdentity(mapped, "oidc", ClaimNames.Name, ClaimNames.Role));
        return ExercisePrincipal.From(principal) is null
            ? (null, $"the provider's token does not carry a valid kind, name, exercise, organization and role in the claims {Claims.Kind}, {Claims.Name}, {Claims.Exercise}, {Claims.Organization}, {Claims.Role}")
            : (principal, null);
    }

    public sealed class ClaimTypes
    {
        public string Kind { get; init; } = ClaimNames.Kind;
        public string Exercise { get; init; } = ClaimNames.Exercise;
        public string Organization { get; init; } = ClaimNames.Organization;
        public string Role { get; init; } = ClaimNames.Role;
        public string Name { get; init; } = ClaimNames.Name;
    }
}
