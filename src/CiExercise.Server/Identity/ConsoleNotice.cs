namespace CiExercise.Server.Identity;

/// <summary>
/// Where the server prints what only the operator at its console may read (the first controller's sign-in
/// link): standard output, deliberately not the log, whose sinks may ship it elsewhere. Tests give their own writer.
/// </summary>
public sealed class ConsoleNotice(TextWriter writer)
{
    public void WriteLine(string line)
    {
        writer.WriteLine(line);
        writer.Flush();
    }
}
