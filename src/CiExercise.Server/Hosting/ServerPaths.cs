namespace CiExercise.Server.Hosting;

/// <summary>
/// Where relative paths of the configuration (the data directory, the scenario folder) are taken from:
/// the checkout (the folder holding CiExercise.sln above the content root) when the server runs from
/// one, so that `dotnet run` finds the repository's scenarios/ and data/ whatever the working directory;
/// otherwise the content root, which is the application's folder when it is deployed.
/// </summary>
public sealed record ServerPaths(string BaseDirectory)
{
    public const string SolutionFile = "CiExercise.sln";

    public static ServerPaths Find(IHostEnvironment environment)
    {
        for (var dir = new DirectoryInfo(environment.ContentRootPath); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return new(dir.FullName);
        }
        return new(environment.ContentRootPath);
    }

    /// <summary>The configured path, or the fallback when none is configured, as an absolute path.</summary>
    public string Resolve(string? configured, string fallback) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? fallback : configured, BaseDirectory);
}
