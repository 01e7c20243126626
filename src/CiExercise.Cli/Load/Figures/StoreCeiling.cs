namespace CiExercise.Cli.Load.Figures;

/// <summary>
/// The raw-insert ceiling of the store, measured in the same run: the same number of rows of the same size,
/// inserted by the fastest raw method into a fresh database of the same kind (SQLite, WAL, synchronous=FULL).
/// The measurement itself lives in CiExercise.Storage (StorageCeiling); this is the one seam the load run calls.
/// </summary>
public interface IStoreCeiling
{
    Task<CeilingResult?> MeasureAsync(CeilingRequest request, CancellationToken cancellationToken);
}

/// <summary>Rows to insert, their average payload size, and a folder for the scratch database (deleted with the run).</summary>
public sealed record CeilingRequest(int Rows, int PayloadBytes, string ScratchDirectory);

public sealed record CeilingResult(double RowsPerSecond, string Method);

/// <summary>Until StorageCeiling is wired in: no figure, and the report says so.</summary>
public sealed class StoreCeilingNotWired : IStoreCeiling
{
    public const string Note = "raw-insert ceiling not measured: CiExercise.Storage's StorageCeiling is not wired into ciex load yet";

    public Task<CeilingResult?> MeasureAsync(CeilingRequest request, CancellationToken cancellationToken) => Task.FromResult<CeilingResult?>(null);
}
