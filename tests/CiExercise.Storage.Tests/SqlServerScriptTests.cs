using System.Reflection;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CiExercise.Storage.Tests;

/// <summary>Every SQL Server statement and schema script must parse, so a typo fails here and not in production.</summary>
public sealed class SqlServerScriptTests
{
    private const string EmbeddedPrefix = "CiExercise.Storage.Sql.SqlServer.";
    private static readonly Assembly Storage = typeof(StorageOptions).Assembly;

    public static TheoryData<string> EmbeddedScripts() =>
        new(Storage.GetManifestResourceNames().Where(name => name.StartsWith(EmbeddedPrefix, StringComparison.Ordinal)).Order());

    public static TheoryData<string> InfraScripts() =>
        new(Directory.GetFiles(InfraDirectory(), "*.sql").Select(Path.GetFileName).OfType<string>().Order());

    [Theory]
    [MemberData(nameof(EmbeddedScripts))]
    public void Embedded_script_parses(string resource)
    {
        using var stream = Storage.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        AssertParses(resource, reader);
    }

    [Theory]
    [MemberData(nameof(InfraScripts))]
    public void Infra_script_parses(string fileName)
    {
        using var reader = new StreamReader(Path.Combine(InfraDirectory(), fileName));
        AssertParses($"infra/sqlserver/{fileName}", reader);
    }

    [Fact]
    public void A_broken_script_is_reported_with_its_line_and_column()
    {
        var error = Assert.ThrowsAny<Exception>(() => AssertParses("broken.sql", new StringReader("SELECT 1;\nSELEC x FROM;")));
        Assert.Contains("broken.sql:2:", error.Message);
    }

    private static void AssertParses(string name, TextReader reader)
    {
        var parser = new TSql170Parser(initialQuotedIdentifiers: true);
        var fragment = parser.Parse(reader, out var errors);
        var messages = errors.Select(e => $"{name}:{e.Line}:{e.Column}: {e.Message}").ToList();
        Assert.True(messages.Count == 0, string.Join(Environment.NewLine, messages));
        Assert.NotEmpty(((TSqlScript)fragment).Batches);
    }

    private static string InfraDirectory() => InfraScriptTests.Directory("sqlserver");
}
