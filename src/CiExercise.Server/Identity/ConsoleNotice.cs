namespace CiExercise.Server.Identity;

/// <summary>
/// Where the server prints what only the operator at its console may read: standard output, deliberately
/// not the log, whose sinks may ship it elsewhere. A secret (the first controller's sign-in link) is printed
/// only when standard output is a terminal: redirected to a file or a service's journal, it would be kept.
/// Tests give their own writer.
/// </summary>
public sealed class ConsoleNotice(TextWriter writer, bool isTerminal = false)
{
    /// <summary>Standard output, a terminal unless it is redirected.</summary>
    public static ConsoleNotice StandardOutput() => new(Console.Out, !Console.IsOutputRedirected);

    public bool IsTerminal => isTerminal;

    public void WriteLine(string line)
    {
        writer.WriteLine(line);
        writer.Flush();
    }
}
