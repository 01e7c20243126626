using CiExercise.Cli.Load.Api;
using CiExercise.Cli.Load.Consoles;
using CiExercise.Cli.Load.Figures;
using CiExercise.Cli.Load.Hosting;
using CiExercise.Cli.Load.Scenario;
using CiExercise.Contracts.Events;

namespace CiExercise.Cli.Load;

/// <summary>
/// The product measured: start the server (or use the one given), sign in as the control cell, create the
/// exercise from the generated scenario, issue a join link per participant, connect every console, play,
/// end, and check every console against the record.
/// </summary>
internal sealed class ProductRun(LoadOptions options, TextWriter error, List<string> notes)
{
    public const string Name = "product";

    private ChildProcess? _server;

    public async Task<(TargetResult Result, ProductRecord Record)> RunAsync(string work, string yaml, CancellationToken cancellationToken)
    {
        await using var progress = new LoadProgress(error, Name);
        try
        {
            var (address, token) = options.Server is { } given ? (given, options.Token!) : await StartServerAsync(work, yaml, progress, cancellationToken);
            using var http = LoadHttp.Client(address, options.Timeout);
            if (options.Server is null) token = await ControlApi.RedeemAsync(http, token, cancellationToken);
            var api = new ControlApi(http, token);
            return await MeasureAsync(api, http, address, progress, cancellationToken);
        }
        finally
        {
            if (_server is not null) await _server.DisposeAsync();
        }
    }

    private async Task<(Uri, string)> StartServerAsync(string work, string yaml, LoadProgress progress, CancellationToken cancellationToken)
    {
        progress.Phase("starting the server");
        var scenarios = Directory.CreateDirectory(Path.Combine(work, "scenarios")).FullName;
        await File.WriteAllTextAsync(Path.Combine(scenarios, $"{LoadScenarioWriter.IdFor(options.Organizations)}.yaml"), yaml, cancellationToken);
        var data = Directory.CreateDirectory(Path.Combine(work, "data")).FullName;
        var dll = options.ServerDll ?? ServerLauncher.Find();
        progress.Phase($"starting the server {dll}");
        var started = await ServerLauncher.StartAsync(dll, data, scenarios, options.ServerLog, options.Timeout, cancellationToken);
        _server = started.Process;
        return (started.Address, started.FirstControllerToken);
    }

    private async Task<(TargetResult, ProductRecord)> MeasureAsync(ControlApi api, HttpClient http, Uri address, LoadProgress progress, CancellationToken cancellationToken)
    {
        progress.Phase("creating the exercise and issuing join links");
        var scenario = await api.GetScenarioAsync(LoadScenarioWriter.IdFor(options.Organizations), cancellationToken);
        var seats = LoadRoster.Of(scenario, options.Participants);
        var exerciseId = $"load-{DateTime.UtcNow:yyyyMMdd-HHmmss}";
        await api.CreateExerciseAsync(scenario.Id, exerciseId, cancellationToken);
        await api.SpeedAsync(exerciseId, options.Speed, cancellationToken);
        var tokens = await api.IssueLinksAsync(exerciseId, seats, cancellationToken);

        var before = Memory();
        var plan = new ActionPlan(options.ActionDelayMin, options.ActionDelayMax);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await using var fleet = new ConsoleFleet(seats, tokens, new ConsoleTarget(Name, address, exerciseId, Product: true, http), plan, stop.Token);
        await Playing.ConnectAsync(fleet, options, progress, notes, Name, cancellationToken);
        var connected = Memory();
        var held = fleet.Connected;

        progress.Phase("starting the exercise");
        var startedAt = DateTimeOffset.UtcNow;
        await CommandAsync(api, exerciseId, "start", cancellationToken);
        var control = ProbeControlAsync(api, exerciseId, fleet.Metrics.ControlDuringStartex, cancellationToken);
        var storm = await Playing.PlayAsync(fleet, startedAt, options, progress, notes, Name, cancellationToken);
        notes.AddRange((await control).Select(failure => $"{Name}: a speed command during STARTEX failed {failure}"));
        await CommandAsync(api, exerciseId, "end", cancellationToken);
        await Playing.SeeTheEndAsync(fleet, options, progress, notes, Name, cancellationToken);
        var atEnd = Memory();
        await stop.CancelAsync();

        progress.Phase("reading the record and checking every console");
        var log = await api.ReadLogAsync(exerciseId, cancellationToken);
        var end = log.LastOrDefault(r => r.Kind == EventKind.ExerciseEnded)?.Seq ?? 0;
        var exactlyOnce = ExactlyOnce.Check(fleet.Consoles, log, end);
        var result = new TargetResult(Name, seats.Count, held, fleet.Metrics, before, connected, atEnd, storm,
            NeverDelivered(fleet), fleet.Consoles.Sum(c => c.MissingTexts), exactlyOnce);
        var started = log.FirstOrDefault(r => r.Kind == EventKind.ExerciseStarted)?.WallTime ?? startedAt;
        return (result, new ProductRecord(seats, log, started, fleet.Metrics.WireBytes));
    }

    /// <summary>
    /// A control command that fails (a 500 when the grain answered after the silo's response timeout) is a
    /// finding, not the end of the run: the grain may still have done it, and the record will tell.
    /// </summary>
    private async Task CommandAsync(ControlApi api, string exerciseId, string command, CancellationToken cancellationToken)
    {
        var sent = DateTimeOffset.UtcNow;
        try
        {
            await api.CommandAsync(exerciseId, command, cancellationToken);
        }
        catch (LoadException failure)
        {
            notes.Add($"{Name}: {command} failed after {(DateTimeOffset.UtcNow - sent).TotalSeconds:0.#} s: {failure.Message}");
        }
    }

    /// <summary>
    /// While STARTEX goes out, the controller sets the speed it already has, once every 100 ms for 3 s: a
    /// command turn of the exercise grain like pause and halt, which must not wait behind the burst. It is
    /// recorded (SpeedChanged, same speed) and seen by every console like any clock change.
    /// </summary>
    private async Task<List<string>> ProbeControlAsync(ControlApi api, string exerciseId, Samples answered, CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        for (var i = 0; i < ControlProbes; i++)
        {
            var sent = DateTimeOffset.UtcNow;
            try
            {
                await api.SpeedAsync(exerciseId, options.Speed, cancellationToken);
                answered.Add(DateTimeOffset.UtcNow - sent);
            }
            catch (LoadException failure)
            {
                failures.Add($"after {(DateTimeOffset.UtcNow - sent).TotalSeconds:0.#} s: {failure.Message}");
            }
            await Task.Delay(ControlInterval, cancellationToken);
        }
        // Returned to the caller's thread of control: notes is not shared while play runs.
        return failures;
    }

    private const int ControlProbes = 30;
    private static readonly TimeSpan ControlInterval = TimeSpan.FromMilliseconds(100);

    internal static int NeverDelivered(ConsoleFleet fleet) =>
        fleet.Consoles.Count(c => !c.Kept.Any(k => k.Kind == EventKind.InjectDelivered && k.InjectId == LoadInjects.Startex));

    private ProcessMemory? Memory() => _server is { } server ? ProcessMemory.Read(server.Id) : null;
}
