using System.Reflection;

namespace CiExercise.Storage.Tests;

/// <summary>
/// The schema scripts DBAs read in infra/&lt;database&gt;/ are the ones the server applies: each is embedded as a
/// migration of its dialect, and nothing else is.
/// </summary>
public sealed class InfraScriptTests
{
    private static readonly Assembly Storage = typeof(StorageOptions).Assembly;

    [Theory]
    [InlineData("sqlserver", "CiExercise.Storage.Sql.SqlServer.Migrations.")]
    [InlineData("postgresql", "CiExercise.Storage.Sql.PostgreSql.Migrations.")]
    public void Every_infra_script_is_embedded_as_a_migration(string folder, string prefix)
    {
        var embedded = Storage.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .Select(name => name[prefix.Length..]);
        var infra = System.IO.Directory.GetFiles(Directory(folder), "*.sql").Select(Path.GetFileName);

        Assert.NotEmpty(embedded);
        Assert.Equal(infra.Order(), embedded.Order());
    }

    [Fact]
    public void Every_dialect_has_the_same_migration_versions()
    {
        var versions = new[] { "Sqlite", "SqlServer", "PostgreSql" }.Select(dialect => Storage.GetManifestResourceNames()
            .Where(name => name.StartsWith($"CiExercise.Storage.Sql.{dialect}.Migrations.", StringComparison.Ordinal))
            .Select(name => name.Split('.')[^2][..4])
            .Order()
            .ToList()).ToList();

        Assert.Contains("0008", versions[0]);
        Assert.All(versions, v => Assert.Equal(versions[0], v));
    }

    /// <summary>infra/&lt;folder&gt; of the repository the tests were built from.</summary>
    public static string Directory(string folder)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "infra", folder);
            if (File.Exists(Path.Combine(directory.FullName, "CiExercise.sln")) && System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"infra/{folder} was not found above " + AppContext.BaseDirectory);
    }
}
