using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using CiExercise.Storage;
using CiExercise.TestSupport;

namespace CiExercise.Server.Tests.Infrastructure;

/// <summary>
/// The store the server suite runs on: CIEX_TEST_STORAGE=PostgreSql (tests/run.sh's second pass) gives every server a
/// PostgreSQL database of its own on the test server (<see cref="TestPostgreSql"/>); unset or Sqlite, the default
/// SQLite file in the server's data directory. The database belongs to the data directory, as the file does: two
/// servers on one directory, one after the other, are a restart on the same data, and <see cref="TempDirectory"/>
/// drops it with the folder.
/// </summary>
public static class TestStorage
{
    public const string Variable = "CIEX_TEST_STORAGE";

    public static StorageProvider Provider { get; } = Environment.GetEnvironmentVariable(Variable) switch
    {
        null or "" => StorageProvider.Sqlite,
        var text when Enum.TryParse<StorageProvider>(text, ignoreCase: true, out var provider) && provider != StorageProvider.SqlServer =>
            provider == StorageProvider.PostgreSql && TestPostgreSql.SkipReason is { } reason
                ? throw new InvalidOperationException($"{Variable}={text}, but {reason}")
                : provider,
        var text => throw new InvalidOperationException($"{Variable} '{text}' is not Sqlite or PostgreSql."),
    };

    private static readonly ConcurrentDictionary<string, string> Databases = new(StringComparer.Ordinal);

    /// <summary>The storage settings of a server whose data lives in <paramref name="dataDirectory"/>.</summary>
    public static IReadOnlyDictionary<string, string?> Settings(string dataDirectory) => Provider switch
    {
        StorageProvider.PostgreSql => new Dictionary<string, string?>
        {
            ["Storage:Provider"] = nameof(StorageProvider.PostgreSql),
            ["Storage:ConnectionString"] = Databases.GetOrAdd(Path.GetFullPath(dataDirectory), DatabaseFor),
        },
        _ => new Dictionary<string, string?>(),
    };

    /// <summary>Drops the databases of the servers whose data directory is <paramref name="directory"/> or inside it.</summary>
    public static async Task DropUnderAsync(string directory)
    {
        var root = Path.GetFullPath(directory);
        foreach (var (dataDirectory, connectionString) in Databases)
        {
            if (dataDirectory != root && !dataDirectory.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue;
            await TestPostgreSql.DropAsync(connectionString);
            Databases.TryRemove(dataDirectory, out _);
        }
    }

    // Named after the directory, so the name says nothing about the machine but is the same for a restart.
    private static string DatabaseFor(string dataDirectory) =>
        TestPostgreSql.Database("ciex_server_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dataDirectory)))[..24]);
}
