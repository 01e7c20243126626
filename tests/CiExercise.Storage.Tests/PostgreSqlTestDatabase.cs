using Dapper;
using Npgsql;

namespace CiExercise.Storage.Tests;

/// <summary>
/// A fresh database per test class on the PostgreSQL server named by CIEX_TEST_POSTGRESQL (an admin connection
/// string to the maintenance database, with a role that may create databases; tests/postgres.sh sets it). The
/// migration runner creates the database, as a fresh server does; it is dropped after the class. Without the
/// variable every PostgreSQL test reports itself skipped.
/// </summary>
public sealed class PostgreSqlTestDatabase : TestDatabase
{
    public const string Variable = "CIEX_TEST_POSTGRESQL";

    private static readonly string? AdminConnectionString = Environment.GetEnvironmentVariable(Variable);

    public PostgreSqlTestDatabase()
    {
        Options = new StorageOptions
        {
            Provider = StorageProvider.PostgreSql,
            ConnectionString = AdminConnectionString is null ? "" : NewDatabase(AdminConnectionString, "ciex_storage"),
        };
    }

    public override string? SkipReason => string.IsNullOrWhiteSpace(AdminConnectionString)
        ? $"PostgreSQL tests need {Variable} set to an admin connection string (tests/postgres.sh sets it); it is not set."
        : null;

    public override StorageOptions Options { get; }

    /// <summary>A connection string to a database of a new name on the same server (not created yet).</summary>
    public static string NewDatabase(string adminConnectionString, string prefix) =>
        new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = $"{prefix}_{Guid.NewGuid():N}" }.ToString();

    /// <summary>Drops the database, closing whatever connections are still open on it.</summary>
    public static async Task DropAsync(string adminConnectionString, string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(adminConnectionString);
        await admin.OpenAsync();
        await admin.ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    public override async ValueTask DisposeAsync()
    {
        if (SkipReason is null) await DropAsync(AdminConnectionString!, Options.ConnectionString);
    }
}
