using CiExercise.Server.Identity;

namespace CiExercise.Server.Throttling;

/// <summary>
/// What a per-token limit counts by: the token's link id, or for a provider's token that has none, the
/// principal it signs in (all its tokens share one allowance).
/// </summary>
public static class LimitKey
{
    public static string Of(ExercisePrincipal principal) =>
        principal.TokenId is { } tokenId ? Of(tokenId)
        : $"principal:{principal.Kind}/{principal.ExerciseId}/{principal.OrganizationId}/{principal.Role}/{principal.Name}";

    /// <summary>The key of a token by its link id.</summary>
    public static string Of(string tokenId) => $"link:{tokenId}";
}
