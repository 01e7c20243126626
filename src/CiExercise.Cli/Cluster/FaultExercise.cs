using System.Net.Http.Headers;
using CiExercise.Cli.Load;
using CiExercise.Cli.Load.Api;
using CiExercise.Cli.Load.Scenario;
using CiExercise.Contracts.Events;

namespace CiExercise.Cli.Cluster;

/// <summary>
/// One exercise played through the proxy for one fault: created from its scenario, a join link per seat, every
/// console connected and subscribed, started; then the fault happens to it; then it is played to the last inject,
/// ended, and read back from the log for the checks.
/// </summary>
public sealed class FaultExercise : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<FaultConsole> _consoles = [];

    private FaultExercise(string id, FaultScenario scenario, ControlApi api, DateTimeOffset started)
    {
        (Id, Scenario, Api, StartedAt) = (id, scenario, api, started);
    }

    public string Id { get; }

    public FaultScenario Scenario { get; }

    public ControlApi Api { get; }

    public DateTimeOffset StartedAt { get; }

    public FaultMetrics Metrics { get; } = new();

    public IReadOnlyList<FaultConsole> Consoles => _consoles;

    public static async Task<FaultExercise> StartAsync(ClusterContext cluster, FaultScenario scenario, CancellationToken cancellationToken)
    {
        var id = $"{scenario.Id}-{DateTime.UtcNow:HHmmss}";
        var api = cluster.Api;
        var model = await api.GetScenarioAsync(scenario.Id, cancellationToken);
        await api.CreateExerciseAsync(model.Id, id, cancellationToken);
        await api.SpeedAsync(id, FaultScenario.Speed, cancellationToken);
        var seats = LoadRoster.Of(model, cluster.Options.Participants);
        var tokens = await api.IssueLinksAsync(id, seats, cancellationToken);
        var exercise = new FaultExercise(id, scenario, api, DateTimeOffset.UtcNow);
        // Created, so its grain is active somewhere: consoles on other nodes are told apart from its own node's.
        exercise.Metrics.GrainNodePort = (await cluster.GrainHostAsync(id, cancellationToken))?.Port ?? 0;
        var acting = seats.GroupBy(s => s.OrganizationId).Select(g => g.First().Index).ToHashSet();
        foreach (var seat in seats)
        {
            var console = new FaultConsole(seat, acting.Contains(seat.Index), cluster.Proxy.Address, id, tokens[seat.Index], exercise.Metrics, exercise._stop.Token)
            {
                NodePort = await NodeOfAsync(cluster, id, tokens[seat.Index], cancellationToken),
            };
            exercise._consoles.Add(console);
        }
        await Task.WhenAll(exercise._consoles.Select(c => c.StartAsync(cancellationToken)));
        await api.CommandAsync(id, "start", cancellationToken);
        return exercise;
    }

    /// <summary>Which node the proxy sends this token to while all are up (the node header nginx adds in this run).</summary>
    private static async Task<int> NodeOfAsync(ClusterContext cluster, string exerciseId, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/exercises/{exerciseId}/directory");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await cluster.Http.SendAsync(request, cancellationToken);
        var upstream = response.Headers.TryGetValues(NginxProxy.NodeHeader, out var values) ? values.First() : "";
        return int.TryParse(upstream.Split(':').Last(), out var port) ? port : 0;
    }

    /// <summary>Waits until the log has a row after afterSeq that matches; returns it. Bounded by timeout.</summary>
    public Task<LogRow> WaitForRowAsync(long afterSeq, Func<LogRow, bool> match, string what, TimeSpan timeout, CancellationToken cancellationToken) =>
        WaitForLogAsync(log => log.FirstOrDefault(r => r.Seq > afterSeq && match(r)), what, timeout, cancellationToken);

    /// <summary>Reads the log until probe finds what it looks for in it (a node or the database may be away meanwhile). Bounded by timeout.</summary>
    public async Task<T> WaitForLogAsync<T>(Func<IReadOnlyList<LogRow>, T?> probe, string what, TimeSpan timeout, CancellationToken cancellationToken)
        where T : class
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            while (true)
            {
                try
                {
                    if (probe(await Api.ReadLogAsync(Id, limit.Token)) is { } found) return found;
                }
                catch (Exception error) when (error is LoadException or HttpRequestException || error is TaskCanceledException && !limit.IsCancellationRequested)
                {
                    // A node or the database away: the log is read again in a moment.
                }
                await Task.Delay(TimeSpan.FromMilliseconds(250), limit.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LoadException($"{Id}: {what} did not happen within {timeout.TotalSeconds:0} s.");
        }
    }

    /// <summary>Waits until condition holds, polling; false when timeout passed first.</summary>
    public static Task<bool> UntilAsync(Func<bool> condition, TimeSpan timeout, CancellationToken cancellationToken) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, cancellationToken);

    public static async Task<bool> UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var until = DateTimeOffset.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow >= until) return false;
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
        return true;
    }

    /// <summary>
    /// Plays on until every scripted inject has fired and every acknowledgement is answered, ends the exercise, waits
    /// for every console to see the end, and reads the whole log.
    /// </summary>
    public async Task<IReadOnlyList<LogRow>> FinishAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var injects = Scenario.Injects + 1;
        var fired = await WaitForLogAsync(log => log.Count(r => r.Kind == EventKind.InjectFired) >= injects ? log : null,
            "every scripted inject fired", timeout, cancellationToken);
        // Every delivery on every screen before anyone is answered "ended": the acknowledgements they start come first.
        if (!await UntilAsync(() => _consoles.All(c => HasEveryDelivery(c, fired)), timeout, cancellationToken))
            throw new LoadException($"{Id}: {_consoles.Count(c => !HasEveryDelivery(c, fired))} consoles lacked a delivery after {timeout.TotalSeconds:0} s.");
        if (!await UntilAsync(() => _consoles.All(c => c.Pending == 0), timeout, cancellationToken))
            throw new LoadException($"{Id}: {_consoles.Sum(c => c.Pending)} acknowledgements were still unanswered after {timeout.TotalSeconds:0} s.");
        await Api.CommandAsync(Id, "end", cancellationToken);
        if (!await UntilAsync(() => _consoles.All(c => c.EndedSeq > 0), timeout, cancellationToken))
            throw new LoadException($"{Id}: {_consoles.Count(c => c.EndedSeq == 0)} consoles had not seen the end after {timeout.TotalSeconds:0} s.");
        return await Api.ReadLogAsync(Id, cancellationToken);
    }

    private static bool HasEveryDelivery(FaultConsole console, IReadOnlyList<LogRow> log)
    {
        var kept = console.Kept.Select(k => k.Seq).ToHashSet();
        return log.Where(r => r.Kind == EventKind.InjectDelivered && r.OrganizationId == console.Seat.OrganizationId
                              && Load.Figures.ParticipantAudience.RoleSees(console.Seat, r))
            .All(r => kept.Contains(r.Seq));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_consoles.Select(c => c.DisposeAsync().AsTask()));
        _stop.Dispose();
    }
}
