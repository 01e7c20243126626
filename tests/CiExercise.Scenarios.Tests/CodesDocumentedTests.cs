using System.Reflection;

namespace CiExercise.Scenarios.Tests;

public sealed class CodesDocumentedTests
{
    [Fact]
    public void Every_diagnostic_code_is_documented_once_in_the_scenarios_readme()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryScenarios.Folder, "README.md"));
        var codes = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToArray();

        Assert.Equal(codes.Length, codes.Distinct().Count());
        Assert.All(codes, code => Assert.Single(readme, line => line.StartsWith($"| {code} |", StringComparison.Ordinal)));
    }
}
