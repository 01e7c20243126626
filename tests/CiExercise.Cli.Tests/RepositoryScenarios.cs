namespace CiExercise.Cli.Tests;

/// <summary>The scenarios/ folder of the checkout these tests were built from: every file in it is rehearsed.</summary>
internal static class RepositoryScenarios
{
    public static string Folder { get; } = Find();

    public static TheoryData<string> Files => new(Directory.GetFiles(Folder, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CiExercise.sln"))) return Path.Combine(dir.FullName, "scenarios");
        }
        throw new InvalidOperationException($"No CiExercise.sln above {AppContext.BaseDirectory}.");
    }
}
