namespace CiExercise.Server.Tests.Operations;

/// <summary>The checkout these tests were built from (the folder holding CiExercise.sln), where the deployment files are.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CiExercise.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No checkout (a folder holding CiExercise.sln) above {AppContext.BaseDirectory}.");
    }
}
