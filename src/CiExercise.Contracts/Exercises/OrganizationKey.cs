namespace CiExercise.Contracts.Exercises;

/// <summary>The key of an organization grain: "exerciseId/organizationId" (ids never contain '/').</summary>
public static class OrganizationKey
{
    public static string Of(string exerciseId, string organizationId) => $"{exerciseId}/{organizationId}";

    public static (string ExerciseId, string OrganizationId) Parse(string key)
    {
        var slash = key.IndexOf('/');
        return slash <= 0 ? throw new FormatException($"Not an organization grain key: '{key}'.")
            : (key[..slash], key[(slash + 1)..]);
    }
}
