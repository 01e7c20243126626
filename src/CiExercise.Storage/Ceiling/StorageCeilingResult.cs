namespace CiExercise.Storage.Ceiling;

/// <summary>
/// What <see cref="StorageCeiling.MeasureAsync"/> measured: the same decision rows written two ways,
/// in transactions of RowsPerTransaction rows, in rows per second of wall time.
/// </summary>
/// <param name="RawRowsPerSecond">One parameterized INSERT per row, nothing else: the store's ceiling.</param>
/// <param name="BatchedRowsPerSecond">The event log's own appender (sequence lock, dedupe keys resolved and rows inserted per group).</param>
public sealed record StorageCeilingResult(
    StorageProvider Provider, int Rows, int RowsPerTransaction, double RawRowsPerSecond, double BatchedRowsPerSecond);
