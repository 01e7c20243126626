namespace CiExercise.Cli.Load.Hosting;

/// <summary>The dotnet host that runs this process (when it is one), else `dotnet` from PATH.</summary>
internal static class DotnetHost
{
    public static string Path { get; } =
        Environment.ProcessPath is { } self && System.IO.Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
}
