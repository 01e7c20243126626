namespace CiExercise.Cli;

/// <summary>
/// The entry point, named in a namespace: the CLI references the server (ciex rehearse hosts it), whose own
/// Program is in the global namespace.
/// </summary>
public static class Program
{
    public static Task<int> Main(string[] args) => CiexApp.RunAsync(args, Console.Out, Console.Error, TimeProvider.System);
}
