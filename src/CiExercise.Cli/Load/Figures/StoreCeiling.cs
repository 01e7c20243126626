using CiExercise.Storage;
using CiExercise.Storage.Ceiling;

namespace CiExercise.Cli.Load.Figures;

/// <summary>
/// The raw-insert ceiling of the store, measured in the same run: participants' decision rows inserted with
/// one parameterized INSERT per row into a fresh SQLite database opened as the server opens its own (WAL,
/// synchronous=FULL), beside the event log's own appender writing the same rows. The measurement lives in
/// CiExercise.Storage (StorageCeiling); this is the one seam the load run calls.
/// </summary>
public interface IStoreCeiling
{
    Task<CeilingResult?> MeasureAsync(CeilingRequest request, CancellationToken cancellationToken);
}

/// <summary>Rows to insert and a folder for the scratch database (deleted with the run).</summary>
public sealed record CeilingRequest(int Rows, string ScratchDirectory);

public sealed record CeilingResult(double RowsPerSecond, double AppenderRowsPerSecond, string Method);

public sealed class StoreCeiling : IStoreCeiling
{
    // Fewer rows than this measure the first transactions' warm-up more than the store.
    private const int MinRows = 20_000;

    public async Task<CeilingResult?> MeasureAsync(CeilingRequest request, CancellationToken cancellationToken)
    {
        var options = new StorageOptions
        {
            DataDirectory = request.ScratchDirectory,
            ConnectionString = $"Data Source={Path.Combine(request.ScratchDirectory, StorageOptions.DefaultDatabaseFile)}",
        };
        var rows = Math.Clamp(request.Rows, MinRows, StorageCeiling.MaxRows);
        var result = await StorageCeiling.MeasureAsync(options, rows, cancellationToken: cancellationToken);
        return new CeilingResult(result.RawRowsPerSecond, result.BatchedRowsPerSecond,
            $"{result.Rows:N0} decision rows, one INSERT per row, {result.RowsPerTransaction:N0} per transaction (SQLite, WAL, synchronous=FULL)");
    }
}
