namespace CiExercise.Storage.Tests;

/// <summary>
/// The SQL Server named by CIEX_TEST_SQLSERVER (a connection string to a database the tests may write to);
/// without it every SQL Server test reports itself skipped.
/// </summary>
public sealed class SqlServerTestDatabase : TestDatabase
{
    public const string Variable = "CIEX_TEST_SQLSERVER";

    private static readonly string? ConnectionString = Environment.GetEnvironmentVariable(Variable);

    public override string? SkipReason => string.IsNullOrWhiteSpace(ConnectionString)
        ? $"SQL Server tests need {Variable} set to a connection string; it is not set."
        : null;

    public override StorageOptions Options { get; } = new()
    {
        Provider = StorageProvider.SqlServer,
        ConnectionString = ConnectionString ?? "",
    };

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
