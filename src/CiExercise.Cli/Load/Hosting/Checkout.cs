namespace CiExercise.Cli.Load.Hosting;

/// <summary>The folder holding CiExercise.sln, found upward from the current folder or from this tool's folder.</summary>
internal static class Checkout
{
    public static string? Find() => Upward(Environment.CurrentDirectory) ?? Upward(AppContext.BaseDirectory);

    private static string? Upward(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CiExercise.sln"))) return folder.FullName;
        }
        return null;
    }
}
