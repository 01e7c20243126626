using System.Globalization;
using CiExercise.Storage.Dialects;

namespace CiExercise.Storage.Migrations;

/// <summary>One versioned schema script, named NNNN_description.sql.</summary>
internal sealed record Migration(int Version, string Name, string Sql)
{
    public static IReadOnlyList<Migration> LoadAll(string resourcePrefix) =>
        SqlScripts.NamesUnder(resourcePrefix)
            .Select(resource => FromResource(resourcePrefix, resource))
            .OrderBy(migration => migration.Version)
            .ToList();

    private static Migration FromResource(string prefix, string resource)
    {
        var fileName = resource[prefix.Length..^".sql".Length];
        var underscore = fileName.IndexOf('_');
        if (underscore <= 0 || !int.TryParse(fileName[..underscore], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidOperationException($"Migration '{resource}' must be named NNNN_description.sql.");
        }

        return new Migration(version, fileName, SqlScripts.Load(resource));
    }
}
