using System.Diagnostics;
using System.Globalization;

namespace CiExercise.Benchmarks;

/// <summary>
/// The append benchmarks run interleaved (each round runs every method once), reporting the median wall
/// and process CPU time per operation. On a machine shared with other work, BenchmarkDotNet's wall-clock
/// iterations swing more than the differences measured; interleaving and CPU time keep the ratios steady.
/// </summary>
internal static class AppendComparison
{
    public const int MaxRounds = 1_000;

    public static async Task RunAsync(int rounds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rounds, MaxRounds);
        foreach (var shape in Enum.GetValues<EventAppendBenchmarks.Load>())
        {
            var benchmarks = new EventAppendBenchmarks { Shape = shape };
            await benchmarks.SetupAsync();
            try
            {
                Print(shape, await MeasureAsync(rounds,
                    ("RowByRow", benchmarks.RowByRow), ("Batched", benchmarks.Batched), ("RawInserts", benchmarks.RawInserts)));
            }
            finally
            {
                await benchmarks.CleanupAsync();
            }
        }
    }

    private static async Task<List<(string Name, double Wall, double Cpu)>> MeasureAsync(int rounds, params (string Name, Func<Task> Run)[] methods)
    {
        var wall = methods.Select(_ => new List<double>()).ToArray();
        var cpu = methods.Select(_ => new List<double>()).ToArray();
        using var process = Process.GetCurrentProcess();
        // Three rounds of warm-up, not counted.
        for (var round = -3; round < rounds; round++)
        {
            for (var m = 0; m < methods.Length; m++)
            {
                GC.Collect();
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                await methods[m].Run();
                clock.Stop();
                process.Refresh();
                if (round < 0) continue;
                wall[m].Add(clock.Elapsed.TotalMilliseconds);
                cpu[m].Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            }
        }

        return methods.Select((method, m) => (method.Name, Median(wall[m]), Median(cpu[m]))).ToList();
    }

    private static void Print(EventAppendBenchmarks.Load shape, List<(string Name, double Wall, double Cpu)> results)
    {
        var baseline = results[0];
        foreach (var (name, wall, cpu) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{shape,-12} {name,-11} wall {wall,7:F1} ms (ratio {wall / baseline.Wall:F2})   cpu {cpu,7:F1} ms (ratio {cpu / baseline.Cpu:F2})"));
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
