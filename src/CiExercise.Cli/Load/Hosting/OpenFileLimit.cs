using System.Runtime.InteropServices;

namespace CiExercise.Cli.Load.Hosting;

/// <summary>
/// Every console holds a socket in this process: raise the soft limit on open files up to the hard limit
/// when it is too low, or say exactly what to run when even the hard limit is too low.
/// </summary>
internal static partial class OpenFileLimit
{
    private const int NoFile = 7; // RLIMIT_NOFILE on Linux.

    /// <summary>Null when this process may open needed files; otherwise what is wrong and what to do.</summary>
    public static string? Ensure(int needed)
    {
        if (!OperatingSystem.IsLinux()) return null;
        if (GetLimit(NoFile, out var limit) != 0) return null;
        if (limit.Current >= (ulong)needed) return null;
        if (limit.Maximum < (ulong)needed)
            return $"{needed} open files are needed for these consoles, and this shell allows at most {limit.Maximum}: " +
                   $"raise it (for example `ulimit -Hn {needed} && ulimit -n {needed}` as root, or LimitNOFILE in a service) and run again.";
        var raised = new Limit { Current = Math.Min(limit.Maximum, (ulong)needed * 2), Maximum = limit.Maximum };
        return SetLimit(NoFile, ref raised) == 0 ? null
            : $"Could not raise the open-files limit from {limit.Current} to {needed}: run `ulimit -n {needed}` first.";
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Limit
    {
        public ulong Current;
        public ulong Maximum;
    }

    [LibraryImport("libc", EntryPoint = "getrlimit", SetLastError = true)]
    private static partial int GetLimit(int resource, out Limit limit);

    [LibraryImport("libc", EntryPoint = "setrlimit", SetLastError = true)]
    private static partial int SetLimit(int resource, ref Limit limit);
}
