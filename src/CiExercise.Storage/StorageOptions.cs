using CiExercise.Storage.Dialects;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace CiExercise.Storage;

/// <summary>
/// Configuration section "Storage". Public because the scheduler keeps its job store in the same
/// database and needs the same Provider and ConnectionString.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";
    public const string DefaultDataDirectory = "./data";
    public const string DefaultDatabaseFile = "ciexercise.db";

    public StorageProvider Provider { get; init; } = StorageProvider.Sqlite;

    /// <summary>Resolved: for SQLite without one configured, Data Source=&lt;DataDirectory&gt;/ciexercise.db.</summary>
    public required string ConnectionString { get; init; }

    public string DataDirectory { get; init; } = DefaultDataDirectory;

    public bool ApplyMigrations { get; init; } = true;

    /// <summary>Upper bound of rows one group commit takes from the queue (one call is never split).</summary>
    public int MaxRowsPerCommit { get; init; } = 1_000;

    /// <summary>Appends that may wait for the writer before callers are held back.</summary>
    public int QueueCapacity { get; init; } = 10_000;

    public static StorageOptions FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var providerText = section["Provider"];
        var provider = string.IsNullOrWhiteSpace(providerText) ? StorageProvider.Sqlite
            : Enum.TryParse<StorageProvider>(providerText, ignoreCase: true, out var parsed) ? parsed
            : throw new InvalidOperationException($"Storage:Provider '{providerText}' is not known; use Sqlite, SqlServer or PostgreSql.");
        var dataDirectory = string.IsNullOrWhiteSpace(section["DataDirectory"]) ? DefaultDataDirectory : section["DataDirectory"]!;
        var connectionString = section["ConnectionString"];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider == StorageProvider.Sqlite
                ? new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, DefaultDatabaseFile) }.ToString()
                : throw new InvalidOperationException($"Storage:ConnectionString is required when Storage:Provider is {provider}.");
        }

        return new StorageOptions
        {
            Provider = provider,
            ConnectionString = connectionString,
            DataDirectory = dataDirectory,
            ApplyMigrations = ReadBool(section, "ApplyMigrations", true),
            MaxRowsPerCommit = ReadInt(section, "MaxRowsPerCommit", 1_000),
            QueueCapacity = ReadInt(section, "QueueCapacity", 10_000),
        };
    }

    internal SqlDialect CreateDialect() => Provider switch
    {
        StorageProvider.Sqlite => new SqliteDialect(ConnectionString),
        StorageProvider.SqlServer => new SqlServerDialect(ConnectionString),
        StorageProvider.PostgreSql => new PostgreSqlDialect(ConnectionString),
        _ => throw new InvalidOperationException($"Storage provider {Provider} is not supported."),
    };

    private static bool ReadBool(IConfigurationSection section, string key, bool fallback) =>
        section[key] is { Length: > 0 } text
            ? bool.TryParse(text, out var value) ? value : throw new InvalidOperationException($"Storage:{key} '{text}' is not true or false.")
            : fallback;

    private static int ReadInt(IConfigurationSection section, string key, int fallback) =>
        section[key] is { Length: > 0 } text
            ? int.TryParse(text, out var value) && value > 0 ? value : throw new InvalidOperationException($"Storage:{key} '{text}' is not a positive whole number.")
            : fallback;
}
