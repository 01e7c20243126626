namespace CiExercise.Scenarios.Tests;

/// <summary>Finds the repository's scenarios/ folder: the one beside CiExercise.sln above the test binaries.</summary>
internal static class RepositoryScenarios
{
    public static string Folder { get; } = Find();

    public static string SamplePath => Path.Combine(Folder, "cloud-ransomware-cascade.yaml");

    /// <summary>The test scenario that uses every key of scenario dynamics (tests/CiExercise.Scenarios.Tests/Scenarios).</summary>
    public static string DynamicsPath => Path.GetFullPath(Path.Combine(Folder, "..", "tests", "CiExercise.Scenarios.Tests", "Scenarios", "dynamics.yaml"));

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CiExercise.sln")))
            {
                return Path.Combine(dir.FullName, "scenarios");
            }
        }

        throw new InvalidOperationException($"No CiExercise.sln above {AppContext.BaseDirectory}.");
    }
}
