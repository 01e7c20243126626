using BenchmarkDotNet.Running;

namespace CiExercise.Benchmarks;

/// <summary>Every benchmark of the hot paths; pick with --filter, shorten with --job short (README "Benchmarks").</summary>
public static class BenchmarkProgram
{
    public static void Main(string[] args)
    {
        // In process by default: out of process, BenchmarkDotNet builds a host project that rebuilds the server
        // and the web consoles, which takes minutes on a small machine and times out. --outOfProcess opts back in.
        var outOfProcess = args.Contains("--outOfProcess", StringComparer.OrdinalIgnoreCase);
        var effective = outOfProcess || args.Contains("--inProcess", StringComparer.OrdinalIgnoreCase)
            ? args.Where(a => !a.Equals("--outOfProcess", StringComparison.OrdinalIgnoreCase)).ToArray()
            : [.. args, "--inProcess"];
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(effective);
    }
}
