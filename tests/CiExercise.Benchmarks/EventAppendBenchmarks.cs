using BenchmarkDotNet.Attributes;
using CiExercise.Contracts.Events;
using CiExercise.Storage;
using CiExercise.Storage.Ceiling;
using CiExercise.Storage.EventLog;
using Dapper;

namespace CiExercise.Benchmarks;

/// <summary>
/// The event log's write path on a SQLite file in the temp folder (WAL, synchronous=FULL, as the server
/// runs it). AllHands: one inject to 850 organizations (851 keyed rows in one call). ActionStorm: 500
/// decisions, one call each, as the group-commit writer gathers them. RowByRow is the appender before
/// issue 6; PerAppendTransactions is what the writer would do without group commit; RawInserts is
/// the store's ceiling: the same rows, one parameterized INSERT each, no sequence lock or dedupe.
/// </summary>
[MemoryDiagnoser]
public class EventAppendBenchmarks
{
    private const int Organizations = 850;
    private const int StormCalls = 500;

    private ScratchDatabase _database = null!;
    private EventAppender _appender = null!;
    private RowByRowAppender _rowByRow = null!;
    private string _exerciseId = "";
    private string _rawExerciseId = "";
    private long _rawSeq = 1;
    private int _round;

    public enum Load { AllHands, ActionStorm }

    [Params(Load.AllHands, Load.ActionStorm)]
    public Load Shape { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var options = new StorageOptions { ConnectionString = $"Data Source={Path.Combine(Path.GetTempPath(), "ciex-benchmarks.db")}" };
        _database = await ScratchDatabase.CreateAsync(options, CancellationToken.None);
        _exerciseId = await _database.CreateExerciseAsync(CancellationToken.None);
        // Apart, because raw inserts number rows themselves and leave the sequence row behind.
        _rawExerciseId = await _database.CreateExerciseAsync(CancellationToken.None);
        _appender = new EventAppender(_database.Dialect);
        _rowByRow = new RowByRowAppender(_database.Dialect);
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _database.DisposeAsync();

    [Benchmark(Baseline = true)]
    public async Task RowByRow()
    {
        var calls = NextCalls();
        await using var connection = await _database.Dialect.OpenAsync(CancellationToken.None);
        await using var transaction = await _database.Dialect.BeginWriteAsync(connection, CancellationToken.None);
        await _rowByRow.AppendAsync(connection, transaction, _exerciseId, calls);
        await transaction.CommitAsync();
    }

    [Benchmark]
    public async Task Batched()
    {
        var calls = NextCalls().Select(events => new AppendCall(_exerciseId, events)).ToList();
        await using var connection = await _database.Dialect.OpenAsync(CancellationToken.None);
        await using var transaction = await _database.Dialect.BeginWriteAsync(connection, CancellationToken.None);
        await _appender.AppendAsync(connection, transaction, calls, null, CancellationToken.None);
        await transaction.CommitAsync();
    }

    [Benchmark]
    public async Task PerAppendTransactions()
    {
        foreach (var events in NextCalls())
        {
            await using var connection = await _database.Dialect.OpenAsync(CancellationToken.None);
            await using var transaction = await _database.Dialect.BeginWriteAsync(connection, CancellationToken.None);
            await _appender.AppendAsync(connection, transaction, _exerciseId, events, CancellationToken.None);
            await transaction.CommitAsync();
        }
    }

    [Benchmark]
    public async Task RawInserts()
    {
        var rows = NextCalls().SelectMany(events => events).Select(e => EventParameters.From(_rawExerciseId, ++_rawSeq, e, _database.Dialect)).ToList();
        await using var connection = await _database.Dialect.OpenAsync(CancellationToken.None);
        await using var transaction = await _database.Dialect.BeginWriteAsync(connection, CancellationToken.None);
        await connection.ExecuteAsync(_database.Dialect.Sql.EventInsert, rows, transaction);
        await transaction.CommitAsync();
    }

    // Fresh keys every time: a repeated inject or action would only measure the duplicate path.
    private List<IReadOnlyList<NewEvent>> NextCalls()
    {
        var now = DateTimeOffset.UtcNow;
        var round = Interlocked.Increment(ref _round);
        return Shape == Load.AllHands
            ? [SampleEvents.AllHands($"inject-{round}", Organizations, now)]
            : Enumerable.Range(0, StormCalls).Select(i => (IReadOnlyList<NewEvent>)[SampleEvents.Decision(i, Organizations, now)]).ToList();
    }
}
