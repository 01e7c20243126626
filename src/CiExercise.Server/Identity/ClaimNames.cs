namespace CiExercise.Server.Identity;

/// <summary>
/// The claims CiExercise reads. Tokens it issues carry them directly; tokens of an enterprise OpenID
/// Connect provider are mapped onto them by configuration.
/// </summary>
public static class ClaimNames
{
    public const string Kind = "ciex_kind";
    public const string Exercise = "ciex_exercise";
    public const string Organization = "ciex_org";
    public const string Role = "ciex_role";
    public const string Name = "name";
    public const string TokenId = "jti";
}
