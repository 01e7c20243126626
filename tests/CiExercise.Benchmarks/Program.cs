using System.Globalization;
using BenchmarkDotNet.Running;
using CiExercise.Storage;
using CiExercise.Storage.Ceiling;

namespace CiExercise.Benchmarks;

/// <summary>
/// Every benchmark of the hot paths; pick with --filter, shorten with --job short (README "Benchmarks").
/// "ceiling [rows]" instead prints the store's raw and batched insert rates (StorageCeiling); "appends
/// [rounds]" runs the append benchmarks interleaved with CPU time (AppendComparison); "pg-inserts CONNECTION [rounds]"
/// compares the ways of inserting a group on PostgreSQL (PostgreSqlInsertComparison); "review [events]" times the
/// review of a national exercise against folding its events (ReviewTiming).
/// </summary>
public static class BenchmarkProgram
{
    public static async Task Main(string[] args)
    {
        if (args is ["appends", ..])
        {
            await AppendComparison.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15);
            return;
        }

        if (args is ["review", ..])
        {
            ReviewTiming.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50_000);
            return;
        }

        if (args is ["pg-inserts", var adminConnectionString, ..])
        {
            await PostgreSqlInsertComparison.RunAsync(adminConnectionString, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 30);
            return;
        }

        if (args is ["ceiling", ..])
        {
            await PrintCeilingAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000);
            return;
        }

        // In process by default: out of process, BenchmarkDotNet builds a host project that rebuilds the server
        // and the web consoles, which takes minutes on a small machine and times out. --outOfProcess opts back in.
        var outOfProcess = args.Contains("--outOfProcess", StringComparer.OrdinalIgnoreCase);
        var effective = outOfProcess || args.Contains("--inProcess", StringComparer.OrdinalIgnoreCase)
            ? args.Where(a => !a.Equals("--outOfProcess", StringComparison.OrdinalIgnoreCase)).ToArray()
            : [.. args, "--inProcess"];
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(effective);
    }

    private static async Task PrintCeilingAsync(int rows)
    {
        // A scratch file in the temp folder, opened as the server opens its own.
        var options = new StorageOptions { ConnectionString = $"Data Source={Path.Combine(Path.GetTempPath(), "ciex-ceiling.db")}" };
        var result = await StorageCeiling.MeasureAsync(options, rows);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"SQLite, {result.Rows} decision rows in transactions of {result.RowsPerTransaction}: raw {result.RawRowsPerSecond:F0} rows/s, " +
            $"event log appender {result.BatchedRowsPerSecond:F0} rows/s ({result.BatchedRowsPerSecond / result.RawRowsPerSecond:P0} of raw)"));
    }
}
