using System.Net.Http.Json;
using CiExercise.Cli.Load.Consoles;
using CiExercise.Cli.Load.Figures;
using CiExercise.Cli.Load.Hosting;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Cli.Load.Baseline;

/// <summary>
/// The same consoles against the bare hub, started by this run as a child process: the same groups, the
/// product's sends at the same offsets from STARTEX and the same sizes, the same participants acting, the
/// same storm half-way.
/// </summary>
internal sealed class BaselineRun(LoadOptions options, TextWriter error, List<string> notes)
{
    public const string Name = "bare hub";

    public async Task<TargetResult> RunAsync(ProductRecord record, CancellationToken cancellationToken)
    {
        await using var progress = new LoadProgress(error, Name);
        progress.Phase("starting the bare hub");
        var hub = await BareHubLauncher.StartAsync(options.Timeout, cancellationToken);
        await using var process = hub.Process;
        using var http = LoadHttp.Client(hub.Address, options.Timeout);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var plan = new ActionPlan(options.ActionDelayMin, options.ActionDelayMax);
        var tokens = record.Seats.Select(s => s.Name).ToArray();
        await using var fleet = new ConsoleFleet(record.Seats, tokens, new ConsoleTarget(Name, hub.Address, "bare", Product: false, http), plan, stop.Token);
        using (var response = await http.PostAsJsonAsync("schedule", BaselineSchedule.From(record), ScenarioJson.Options, cancellationToken))
            response.EnsureSuccessStatusCode();
        var before = ProcessMemory.Read(process.Id);
        await Playing.ConnectAsync(fleet, options, progress, notes, Name, cancellationToken);
        var connected = ProcessMemory.Read(process.Id);
        var held = fleet.Connected;

        DateTimeOffset start;
        using (var response = await http.PostAsync("start", null, cancellationToken))
        {
            response.EnsureSuccessStatusCode();
            start = await response.Content.ReadFromJsonAsync<DateTimeOffset>(ScenarioJson.Options, cancellationToken);
        }
        var storm = await Playing.PlayAsync(fleet, start, options, progress, notes, Name, cancellationToken);
        using (var response = await http.PostAsync("end", null, cancellationToken)) response.EnsureSuccessStatusCode();
        await Playing.SeeTheEndAsync(fleet, options, progress, notes, Name, cancellationToken);
        var atEnd = ProcessMemory.Read(process.Id);
        await stop.CancelAsync();
        return new TargetResult(Name, record.Seats.Count, held, fleet.Metrics, before, connected, atEnd, storm,
            ProductRun.NeverDelivered(fleet), fleet.Consoles.Sum(c => c.MissingTexts), null);
    }
}
