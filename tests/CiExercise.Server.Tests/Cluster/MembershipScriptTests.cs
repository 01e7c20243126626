using System.Text.RegularExpressions;
using CiExercise.TestSupport;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Npgsql;

namespace CiExercise.Server.Tests.Cluster;

/// <summary>
/// Migration 0009 holds the statements Orleans' ADO.NET clustering runs, by key. Both scripts provide every key Orleans
/// asks for; the SQL Server statements, which cannot run here, parse; on PostgreSQL a membership write is all or nothing.
/// </summary>
public sealed partial class MembershipScriptTests
{
    /// <summary>The keys Orleans' clustering reads from OrleansQuery (it refuses to start when one is missing).</summary>
    private static readonly string[] OrleansKeys =
    [
        "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey", "UpdateIAmAlivetimeKey", "MembershipReadRowKey",
        "MembershipReadAllKey", "GatewaysQueryKey", "DeleteMembershipTableEntriesKey", "CleanupDefunctSiloEntriesKey",
    ];

    [Theory]
    [InlineData("sqlserver")]
    [InlineData("postgresql")]
    public void Every_key_orleans_reads_is_there_once(string folder)
    {
        var keys = QueryKey().Matches(Script(folder)).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(OrleansKeys.Order(), keys.Order());
    }

    [Fact]
    public void Every_sql_server_statement_parses()
    {
        var parser = new TSql170Parser(initialQuotedIdentifiers: true);
        var script = (TSqlScript)parser.Parse(new StringReader(Script("sqlserver")), out var errors);
        Assert.Empty(errors);
        var insert = script.Batches.SelectMany(b => b.Statements).OfType<InsertStatement>()
            .Single(i => i.InsertSpecification.Target is NamedTableReference { SchemaObject.BaseIdentifier.Value: "OrleansQuery" });
        var rows = ((ValuesInsertSource)insert.InsertSpecification.InsertSource).RowValues;

        Assert.Equal(OrleansKeys.Length, rows.Count);
        foreach (var row in rows)
        {
            var key = ((StringLiteral)row.ColumnValues[0]).Value;
            parser.Parse(new StringReader(((StringLiteral)row.ColumnValues[1]).Value), out var statementErrors);
            Assert.True(statementErrors.Count == 0, $"{key}: " + string.Join("; ", statementErrors.Select(e => $"{e.Line}:{e.Column} {e.Message}")));
        }
    }

    [Fact]
    public async Task A_postgresql_membership_write_with_a_stale_version_changes_nothing()
    {
        if (TestPostgreSql.SkipReason is { } reason) Assert.Skip(reason);
        var database = TestPostgreSql.NewDatabase("ciex_membership");
        await using (var admin = new NpgsqlConnection(TestPostgreSql.AdminConnectionString))
        {
            await admin.OpenAsync(TestContext.Current.CancellationToken);
            await new NpgsqlCommand($"CREATE DATABASE \"{new NpgsqlConnectionStringBuilder(database).Database}\"", admin)
                .ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        try
        {
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await new NpgsqlCommand(Script("postgresql"), connection).ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            Assert.Equal(1, await RunAsync(connection, "InsertMembershipVersionKey"));
            Assert.Equal(0, await RunAsync(connection, "InsertMembershipVersionKey"));

            Assert.Equal(1, await RunAsync(connection, "InsertMembershipKey", generation: 1, version: 0));
            // The silo's row exists already (same generation): the version bump that preceded it is undone.
            Assert.Equal(0, await RunAsync(connection, "InsertMembershipKey", generation: 1, version: 1));
            // A writer that read an older version loses, whatever it writes.
            Assert.Equal(0, await RunAsync(connection, "InsertMembershipKey", generation: 2, version: 0));
            Assert.Equal(0, await RunAsync(connection, "UpdateMembershipKey", generation: 1, version: 0));
            Assert.Equal(1, await RunAsync(connection, "UpdateMembershipKey", generation: 1, version: 1));

            Assert.Equal("2", await ScalarAsync(connection, "SELECT Version FROM OrleansMembershipVersionTable"));
            Assert.Equal("1", await ScalarAsync(connection, "SELECT count(*) FROM OrleansMembershipTable"));
            Assert.Equal("6", await ScalarAsync(connection, "SELECT Status FROM OrleansMembershipTable"));
        }
        finally
        {
            await TestPostgreSql.DropAsync(database);
        }
    }

    /// <summary>Runs the stored statement with Orleans' parameters; the update declares the silo dead (status 6).</summary>
    private static async Task<int> RunAsync(NpgsqlConnection connection, string key, int generation = 0, int version = 0)
    {
        var text = await ScalarAsync(connection, $"SELECT QueryText FROM OrleansQuery WHERE QueryKey = '{key}'");
        await using var command = new NpgsqlCommand(text, connection);
        var now = DateTime.UtcNow;
        foreach (var (name, value) in new (string, object)[]
                 {
                     ("DeploymentId", "test"), ("Address", "127.0.0.1"), ("Port", 11111), ("Generation", generation), ("SiloName", "silo"),
                     ("HostName", "host"), ("Status", key == "UpdateMembershipKey" ? 6 : 3), ("ProxyPort", 30000), ("StartTime", now),
                     ("IAmAliveTime", now), ("SuspectTimes", DBNull.Value), ("Version", version),
                 })
            if (Regex.IsMatch(text, $@"@{name}\b")) command.Parameters.AddWithValue(name, value);
        return Convert.ToInt32(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string> ScalarAsync(NpgsqlConnection connection, string sql) =>
        Convert.ToString(await new NpgsqlCommand(sql, connection).ExecuteScalarAsync(TestContext.Current.CancellationToken),
            System.Globalization.CultureInfo.InvariantCulture)!;

    private static string Script(string folder) =>
        File.ReadAllText(Path.Combine(Repository(), "infra", folder, "0009_orleans_clustering.sql"));

    private static string Repository()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "CiExercise.sln"))) return directory.FullName;
        throw new DirectoryNotFoundException("The repository was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^\('(\w+Key)',", RegexOptions.Multiline)]
    private static partial Regex QueryKey();
}
