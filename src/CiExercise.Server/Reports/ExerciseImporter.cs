using System.Runtime.CompilerServices;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Ports;
using CiExercise.Server.Endpoints;

namespace CiExercise.Server.Reports;

/// <summary>An exercise as the import wrote it.</summary>
public sealed record ImportedExercise(string Id, string Name, string ScenarioId, DateTimeOffset CreatedAt, long Events, bool ReadOnly);

/// <summary>
/// Imports an export as a read-only exercise. The body is first copied to a private temporary file (bounded by
/// Limits:ImportBytes), so that a slow upload never holds the database's write lock; the file is then read twice,
/// once to check everything and once to write it in one transaction (IExerciseCatalog.ImportAsync). Whatever
/// fails, nothing is written.
/// </summary>
internal sealed class ExerciseImporter(IExerciseCatalog catalog, ExportLimits limits)
{
    private const int BatchSize = 1000;

    public async Task<ImportedExercise> ImportAsync(Stream body, string? id, CancellationToken cancellationToken)
    {
        if (id is not null && !ExerciseEndpoints.ExerciseId().IsMatch(id))
            throw new ImportProblem("import.invalid-id", "An exercise id is 1 to 64 lower-case letters, digits or '-', starting with a letter or digit.");
        await using var file = TemporaryFile.Create("ciex-import", ".json");
        await CopyBoundedAsync(body, file, cancellationToken);

        file.Position = 0;
        var check = new ExportFileReader(file, limits);
        check.ReadHeader();
        var exerciseId = id ?? check.Exercise.Id;
        if (!ExerciseEndpoints.ExerciseId().IsMatch(exerciseId))
            throw new ImportProblem("import.invalid-id", $"The exported id '{Contracts.Limits.Quote(exerciseId)}' is not an exercise id here; give one with ?id=.");
        if (await catalog.GetAsync(exerciseId, cancellationToken) is not null) throw new ExerciseAlreadyExistsException(exerciseId);
        long count = 0;
        foreach (var _ in check.Events()) count++;

        file.Position = 0;
        var write = new ExportFileReader(file, limits);
        write.ReadHeader();
        var record = new ExerciseRecord(exerciseId, check.Exercise.Name, check.Exercise.ScenarioId, write.ScenarioJson, check.Exercise.CreatedAt)
        {
            ReadOnly = true,
        };
        await catalog.ImportAsync(record, Batches(write, cancellationToken), cancellationToken);
        return new ImportedExercise(exerciseId, record.Name, record.ScenarioId, record.CreatedAt, count, ReadOnly: true);
    }

    private async Task CopyBoundedAsync(Stream body, Stream file, CancellationToken cancellationToken)
    {
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            total += read;
            if (total > limits.Bytes)
                throw new ImportProblem("import.too-large", $"An import may hold at most {limits.Bytes} bytes (Limits:ImportBytes).",
                    StatusCodes.Status413PayloadTooLarge);
            await file.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }

        await file.FlushAsync(cancellationToken);
    }

    private static async IAsyncEnumerable<IReadOnlyList<ExerciseEvent>> Batches(ExportFileReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var batch = new List<ExerciseEvent>(BatchSize);
        foreach (var e in reader.Events())
        {
            cancellationToken.ThrowIfCancellationRequested();
            batch.Add(e);
            if (batch.Count < BatchSize) continue;
            yield return batch;
            batch = new List<ExerciseEvent>(BatchSize);
        }

        if (batch.Count > 0) yield return batch;
        await Task.CompletedTask;
    }
}
