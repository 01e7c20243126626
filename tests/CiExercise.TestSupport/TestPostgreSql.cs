using Npgsql;

namespace CiExercise.TestSupport;

/// <summary>
/// The PostgreSQL server tests may create databases on: CIEX_TEST_POSTGRESQL holds an admin connection string to
/// its maintenance database, with a role that may create databases (tests/postgres.sh sets it). Each test class or
/// server gets a database of its own and drops it after; without the variable the tests report themselves skipped.
/// </summary>
public static class TestPostgreSql
{
    public const string Variable = "CIEX_TEST_POSTGRESQL";

    public static string? AdminConnectionString { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>Why PostgreSQL tests cannot run here, or null when they can.</summary>
    public static string? SkipReason => AdminConnectionString is null
        ? $"PostgreSQL tests need {Variable} set to an admin connection string (tests/postgres.sh sets it); it is not set."
        : null;

    /// <summary>A connection string to a database of a new name (not created: the server creates it on first start).</summary>
    public static string NewDatabase(string prefix) => Database($"{prefix}_{Guid.NewGuid():N}");

    /// <summary>A connection string to the named database on the test server.</summary>
    public static string Database(string name) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString ?? throw new InvalidOperationException(SkipReason)) { Database = name }.ToString();

    /// <summary>Drops the connection string's database if it exists, closing whatever connections are still open on it.</summary>
    public static async Task DropAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database
                   ?? throw new ArgumentException("The connection string names no database.", nameof(connectionString));
        // Only this database's pooled connections: other classes' servers keep theirs.
        NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
        await using var admin = new NpgsqlConnection(AdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
