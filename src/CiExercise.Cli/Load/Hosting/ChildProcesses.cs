namespace CiExercise.Cli.Load.Hosting;

/// <summary>
/// Every child still running, killed at once when the run is cancelled (Ctrl+C) and when this process
/// exits however it exits, so a load run never leaves a server behind.
/// </summary>
internal static class ChildProcesses
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<ChildProcess> Running = [];
    private static bool _hooked;

    public static void Track(ChildProcess child)
    {
        lock (Gate)
        {
            Running.Add(child);
            if (_hooked) return;
            _hooked = true;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        }
    }

    public static void Forget(ChildProcess child)
    {
        lock (Gate) Running.Remove(child);
    }

    public static void KillAll()
    {
        ChildProcess[] children;
        lock (Gate) children = [.. Running];
        foreach (var child in children) child.Kill();
    }
}
