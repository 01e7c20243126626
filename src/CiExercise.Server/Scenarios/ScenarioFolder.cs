namespace CiExercise.Server.Scenarios;

/// <summary>The folder scenarios are loaded from.</summary>
public sealed record ScenarioFolder(string Path)
{
    public const string SolutionFile = "CiExercise.sln";

    /// <summary>
    /// "Scenarios:Directory" when set (relative to the content root); otherwise the scenarios folder next to
    /// CiExercise.sln above the content root, so that running from a checkout finds the repository's scenarios
    /// whatever the working directory; otherwise ./scenarios.
    /// </summary>
    public static ScenarioFolder Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Scenarios:Directory"];
        if (!string.IsNullOrWhiteSpace(configured))
            return new(System.IO.Path.GetFullPath(configured, environment.ContentRootPath));
        for (var dir = new DirectoryInfo(environment.ContentRootPath); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "scenarios");
            if (File.Exists(System.IO.Path.Combine(dir.FullName, SolutionFile)) && Directory.Exists(candidate))
                return new(candidate);
        }
        return new(System.IO.Path.GetFullPath("scenarios", environment.ContentRootPath));
    }
}
