using System.Globalization;

namespace CiExercise.Cli.Load.Hosting;

/// <summary>Resident memory of a process from /proc/PID/status: now (VmRSS) and its peak so far (VmHWM), in bytes.</summary>
public readonly record struct ProcessMemory(long Resident, long Peak)
{
    /// <summary>The process's memory, or null where /proc is not there (not Linux) or the process is gone.</summary>
    public static ProcessMemory? Read(int pid)
    {
        var path = $"/proc/{pid}/status";
        try
        {
            long resident = 0, peak = 0;
            foreach (var line in File.ReadLines(path))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) resident = Kilobytes(line);
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) peak = Kilobytes(line);
            }
            return resident == 0 ? null : new ProcessMemory(resident, peak);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
}
