using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CiExercise.Cli.Load;
using CiExercise.Cli.Load.Api;
using CiExercise.Cli.Load.Consoles;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Ports;

namespace CiExercise.Cli.Cluster;

/// <summary>
/// The faults, each done to an exercise of its own in the middle of its play: the moment a fault starts is planned
/// against the scenario's clock; everything after it waits for what it waits for (a row in the log, a node ready,
/// every console caught up), bounded by the run's timeout, and is measured.
/// </summary>
public static class Faults
{
    public const string KillGrainHost = "kill-grain-host";
    public const string KillWhileDue = "kill-while-due";
    public const string DatabaseOutage30 = "database-outage-30";
    public const string DatabaseOutage120 = "database-outage-120";
    public const string Storm = "reconnect-storm";
    public const string KillRestart = "kill-restart";

    public static readonly IReadOnlyList<string> ClusterFaults = [KillGrainHost, KillWhileDue, DatabaseOutage30, DatabaseOutage120, Storm];

    /// <summary>What one node on SQLite can go through: killed and started again (a cluster's node faults need a cluster).</summary>
    public static readonly IReadOnlyList<string> SingleNode = [KillRestart, Storm];

    public static readonly IReadOnlyList<string> Known = [.. ClusterFaults, KillRestart];

    public static bool StopsDatabase(string fault) => OutageOf(fault) is not null;

    private static TimeSpan? OutageOf(string fault) => fault switch
    {
        DatabaseOutage30 => TimeSpan.FromSeconds(30),
        DatabaseOutage120 => TimeSpan.FromSeconds(120),
        _ => null,
    };

    /// <summary>The scenario each fault plays: long enough for injects to fall due before, during and after it.</summary>
    public static FaultScenario ScenarioOf(string fault) =>
        FaultScenario.For(fault, OutageOf(fault) is { } outage ? outage + TimeSpan.FromSeconds(55) : TimeSpan.FromSeconds(50));

    public static async Task<FaultResult> RunAsync(ClusterContext cluster, string fault, CancellationToken cancellationToken)
    {
        var result = new FaultResult(fault);
        var timeout = cluster.Options.Timeout;
        cluster.Say(fault, "creating the exercise and connecting every console through the proxy");
        await using var exercise = await FaultExercise.StartAsync(cluster, ScenarioOf(fault), cancellationToken);
        cluster.Say(fault, $"exercise {exercise.Id} started, {exercise.Consoles.Count} consoles live");
        var window = fault switch
        {
            KillGrainHost => await KillHostAsync(cluster, exercise, result, dueSoon: false, cancellationToken),
            KillWhileDue => await KillHostAsync(cluster, exercise, result, dueSoon: true, cancellationToken),
            Storm => await StormAsync(cluster, exercise, result, cancellationToken),
            KillRestart => await KillRestartAsync(cluster, exercise, result, cancellationToken),
            _ => await DatabaseOutageAsync(cluster, exercise, OutageOf(fault)!.Value, result, cancellationToken),
        };
        cluster.Say(fault, "playing to the last inject, then ending the exercise");
        var log = await exercise.FinishAsync(timeout, cancellationToken);
        result.Problems.AddRange(LogChecks.Check(exercise, log));
        if (window is (var from, var until)) result.Problems.AddRange(LogChecks.LateAfter(log, from, until, result));
        result.Latency("delivery to a console on the grain's node", exercise.Metrics.SameNodeDelivery);
        result.Latency("delivery to a console on another node", exercise.Metrics.CrossNodeDelivery);
        foreach (var (code, count) in exercise.Metrics.Refusals.OrderByDescending(r => r.Value))
            result.Figure($"console calls refused or failed: {code}", "count", count);
        result.Figure("events in the log", "count", log.Count);
        cluster.Say(fault, result.Holds ? "nothing lost or doubled" : $"{result.Problems.Count} problems");
        return result;
    }

    /// <summary>
    /// kill -9 of the node hosting the exercise's grain, mid-play (dueSoon: a moment before an inject falls due, so its
    /// trigger is due while the node dies): the exercise goes on elsewhere, and the killed node's consoles come back.
    /// </summary>
    private static async Task<(DateTimeOffset, DateTimeOffset)?> KillHostAsync(ClusterContext cluster, FaultExercise exercise, FaultResult result,
        bool dueSoon, CancellationToken cancellationToken)
    {
        var scenario = exercise.Scenario;
        var target = scenario.Injects / 3;
        await DelayUntilAsync(exercise.StartedAt + (dueSoon ? scenario.DueAfterStart(target) - TimeSpan.FromMilliseconds(300) : scenario.Play * 0.3), cancellationToken);
        var host = await cluster.GrainHostAsync(exercise.Id, cancellationToken);
        if (host is null)
        {
            result.Problems.Add("GET /api/cluster?exercise= did not name the silo hosting the exercise's grain");
            return null;
        }
        var before = (await exercise.Api.ReadLogAsync(exercise.Id, cancellationToken)).Count;
        var onHost = exercise.Consoles.Where(c => c.NodePort == host.Port).ToArray();
        cluster.Say(result.Fault, $"kill -9 {host.Name}, which hosts the grain ({onHost.Length} consoles on it)");
        var killedAt = DateTimeOffset.UtcNow;
        await host.KillAsync();

        var next = await exercise.WaitForRowAsync(before, r => r.Kind == EventKind.InjectFired, "an inject fired after the kill", cluster.Options.Timeout, cancellationToken);
        result.Seconds("first inject fired after the kill: its lateness", LogChecks.Lateness(next));
        result.Seconds("kill to the first inject recorded", next.WallTime - killedAt);
        var marker = await MarkAsync(cluster, exercise, result, cancellationToken);
        result.Seconds("kill to a control command recorded (grain active on another node)", marker.WallTime - killedAt);
        await ConsolesReceiveAsync(cluster, exercise, marker, killedAt, killedAt, result, "after the kill", cancellationToken);
        if (onHost.Length > 0)
            result.Latency("consoles of the killed node: kill to the next event on screen",
                Collect(onHost.Select(c => c.ReceivedAt(marker.Seq) - killedAt)));
        var moved = await cluster.GrainHostAsync(exercise.Id, cancellationToken);
        if (moved == host) result.Problems.Add($"the exercise's grain is still said to be on the killed {host.Name}");
        exercise.Metrics.GrainNodePort = moved?.Port ?? 0;

        cluster.Say(result.Fault, $"starting {host.Name} again");
        var restart = DateTimeOffset.UtcNow;
        await host.StartAsync(waitForLink: false, cluster.Options.Timeout, cancellationToken);
        result.Seconds("killed node started again and ready", DateTimeOffset.UtcNow - restart);
        return dueSoon ? (killedAt, next.WallTime) : null;
    }

    /// <summary>One node on its own file: killed mid-play and started again; injects that fell due meanwhile fire late.</summary>
    private static async Task<(DateTimeOffset, DateTimeOffset)?> KillRestartAsync(ClusterContext cluster, FaultExercise exercise, FaultResult result,
        CancellationToken cancellationToken)
    {
        await DelayUntilAsync(exercise.StartedAt + exercise.Scenario.Play * 0.3, cancellationToken);
        var node = cluster.Nodes[0];
        cluster.Say(result.Fault, $"kill -9 {node.Name}, then start it again");
        var killedAt = DateTimeOffset.UtcNow;
        await node.KillAsync();
        // Down long enough for injects to fall due while it is.
        await Task.Delay(TimeSpan.FromSeconds(8), cancellationToken);
        await node.StartAsync(waitForLink: false, cluster.Options.Timeout, cancellationToken);
        var readyAt = DateTimeOffset.UtcNow;
        result.Seconds("kill to the node ready again (8 s of it down on purpose)", readyAt - killedAt);
        var marker = await MarkAsync(cluster, exercise, result, cancellationToken);
        await ConsolesReceiveAsync(cluster, exercise, marker, readyAt, killedAt, result, "after the restart", cancellationToken);
        return (killedAt, readyAt);
    }

    /// <summary>nginx killed and started again: every console drops at once and comes back at once.</summary>
    private static async Task<(DateTimeOffset, DateTimeOffset)?> StormAsync(ClusterContext cluster, FaultExercise exercise, FaultResult result,
        CancellationToken cancellationToken)
    {
        await DelayUntilAsync(exercise.StartedAt + exercise.Scenario.Play * 0.35, cancellationToken);
        cluster.Say(result.Fault, "killing nginx: every console drops at once");
        var droppedAt = await cluster.Proxy.RestartAsync(cluster.Options.Timeout, cancellationToken);
        var marker = await MarkAsync(cluster, exercise, result, cancellationToken);
        await ConsolesReceiveAsync(cluster, exercise, marker, droppedAt, droppedAt, result, "after the drop", cancellationToken);
        result.Figure("consoles that opened a new connection", "count", Interlocked.Read(ref exercise.Metrics.NewConnections));
        return null;
    }

    /// <summary>
    /// The database stopped mid-play for outage: actions are refused 503 storage.unavailable with Retry-After (the hub:
    /// that code), /health/ready says the store is down, and after it returns the cluster records again by itself.
    /// </summary>
    private static async Task<(DateTimeOffset, DateTimeOffset)?> DatabaseOutageAsync(ClusterContext cluster, FaultExercise exercise, TimeSpan outage,
        FaultResult result, CancellationToken cancellationToken)
    {
        var database = cluster.Database ?? throw new LoadException("A database outage needs the PostgreSQL cluster (--provider PostgreSql).");
        await DelayUntilAsync(exercise.StartedAt + TimeSpan.FromSeconds(12), cancellationToken);
        cluster.Say(result.Fault, $"stopping the database for {outage.TotalSeconds:0} s");
        var stoppedAt = DateTimeOffset.UtcNow;
        await database.StopAsync(cancellationToken);
        DateTimeOffset startedAt;
        var key = Guid.NewGuid().ToString("D");
        var messageKey = Guid.NewGuid().ToString("D");
        try
        {
            var hub = await exercise.Consoles.First(c => c.Acts && c.Seat.ReportsTo is not null).SendMessageAsync(messageKey);
            if (hub.Refusal != StorageUnavailableException.Code)
                result.Problems.Add($"a hub action while the database was down was answered {(hub.Receipt is { } r ? $"with receipt {r.Seq}" : hub.Refusal)}; " +
                                    $"refused {StorageUnavailableException.Code} expected");
            var refused = await SpeedAsync(cluster, exercise.Id, key, cancellationToken);
            if (refused.Status != HttpStatusCode.ServiceUnavailable || refused.Code != StorageUnavailableException.Code || refused.RetryAfter is null)
                result.Problems.Add($"a control command while the database was down was answered {(int)refused.Status} {refused.Code} " +
                                    $"(Retry-After {refused.RetryAfter?.TotalSeconds}); 503 {StorageUnavailableException.Code} with Retry-After expected");
            foreach (var node in cluster.Nodes.Where(n => n.Running))
            {
                var said = await FaultExercise.UntilAsync(() => StoreDown(cluster, node, cancellationToken), cluster.Options.Timeout, cancellationToken);
                if (!said) result.Problems.Add($"{node.Name}'s /health/ready never said the store was down");
            }
            result.Seconds("database stopped to /health/ready saying so on every node", DateTimeOffset.UtcNow - stoppedAt);
            // The outage itself: its length is the fault, not a wait for something.
            await DelayUntilAsync(stoppedAt + outage, cancellationToken);
        }
        finally
        {
            cluster.Say(result.Fault, "starting the database again");
            await database.StartAsync(CancellationToken.None);
            startedAt = DateTimeOffset.UtcNow;
        }

        var ready = await FaultExercise.UntilAsync(() => AllReady(cluster, cancellationToken), cluster.Options.Timeout, cancellationToken);
        if (!ready) result.Problems.Add("not every node said ready after the database returned");
        result.Seconds("database back to every node ready", DateTimeOffset.UtcNow - startedAt);
        // The same command again, with the same key, as a client honouring Retry-After does: done once.
        var marker = await MarkAsync(cluster, exercise, result, cancellationToken, key);
        result.Seconds("database back to the refused command recorded (its resend)", marker.WallTime - startedAt);
        var next = await exercise.WaitForRowAsync(marker.Seq - 1, r => r.Kind == EventKind.InjectFired, "an inject fired after the outage", cluster.Options.Timeout, cancellationToken);
        result.Seconds("database back to the first inject recorded", next.WallTime - startedAt);
        await ConsolesReceiveAsync(cluster, exercise, marker, startedAt, stoppedAt, result, "after the database returned", cancellationToken);
        // The console sends its refused message again with the same key, as the web console's offline queue does.
        var sender = exercise.Consoles.First(c => c.Acts && c.Seat.ReportsTo is not null);
        var resent = await FaultExercise.UntilAsync(async () => (await sender.SendMessageAsync(messageKey)).Receipt is not null,
            cluster.Options.Timeout, cancellationToken);
        if (!resent) result.Problems.Add("the hub action refused during the outage was never recorded when sent again");
        var log = await exercise.Api.ReadLogAsync(exercise.Id, cancellationToken);
        var recorded = log.Count(r => r.Kind == EventKind.SpeedChanged && KeyOf(r) == key);
        if (recorded != 1) result.Problems.Add($"the control command refused during the outage and sent again is in the log {recorded} times (once expected)");
        var messages = log.Count(r => r.Kind == EventKind.MessageSent && KeyOf(r) == messageKey);
        if (messages != 1) result.Problems.Add($"the message refused during the outage and sent again is in the log {messages} times (once expected)");
        return (stoppedAt, startedAt);
    }

    /// <summary>
    /// A control command every console sees (the speed it already has), sent through the proxy until it is answered
    /// 200, honouring Retry-After: the moment the cluster records again, and a marker to time the consoles by.
    /// </summary>
    private static async Task<LogRow> MarkAsync(ClusterContext cluster, FaultExercise exercise, FaultResult result, CancellationToken cancellationToken,
        string? key = null)
    {
        key ??= Guid.NewGuid().ToString("D");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(cluster.Options.Timeout);
        var refusals = new Dictionary<string, int>(StringComparer.Ordinal);
        while (true)
        {
            var answer = await SpeedAsync(cluster, exercise.Id, key, limit.Token);
            if (answer.Status == HttpStatusCode.OK) break;
            var what = $"{(int)answer.Status} {answer.Code}";
            refusals[what] = refusals.GetValueOrDefault(what) + 1;
            await Task.Delay(answer.RetryAfter ?? TimeSpan.FromSeconds(1), limit.Token);
        }
        result.Figure("control command: refusals before it was recorded", "count", refusals.Values.Sum());
        foreach (var (what, count) in refusals) result.Figure($"  of them answered {what}", "count", count);
        return await exercise.WaitForRowAsync(0, r => r.Kind == EventKind.SpeedChanged && KeyOf(r) == key, "the control command in the log",
            cluster.Options.Timeout, cancellationToken);
    }

    /// <summary>Waits until every console has the marker, and measures from since to each console's screen; counts those that dropped after faultAt.</summary>
    private static async Task ConsolesReceiveAsync(ClusterContext cluster, FaultExercise exercise, LogRow marker, DateTimeOffset since, DateTimeOffset faultAt,
        FaultResult result, string what, CancellationToken cancellationToken)
    {
        var all = await FaultExercise.UntilAsync(() => exercise.Consoles.All(c => c.ReceivedAt(marker.Seq) is not null), cluster.Options.Timeout, cancellationToken);
        if (!all) result.Problems.Add($"{exercise.Consoles.Count(c => c.ReceivedAt(marker.Seq) is null)} consoles never received the event recorded {what}");
        result.Latency($"every console: {what} to the next event on screen", Collect(exercise.Consoles.Select(c => c.ReceivedAt(marker.Seq) - since)));
        result.Figure("consoles whose connection dropped (the others resumed theirs: stateful reconnect)", "count",
            exercise.Consoles.Count(c => c.DroppedAfter(faultAt)));
    }

    private sealed record Answer(HttpStatusCode Status, string? Code, TimeSpan? RetryAfter);

    private static async Task<Answer> SpeedAsync(ClusterContext cluster, string exerciseId, string key, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/exercises/{exerciseId}/speed")
        {
            Content = JsonContent.Create(new { speed = FaultScenario.Speed }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", cluster.ControllerToken);
        request.Headers.Add("Idempotency-Key", key);
        try
        {
            using var response = await cluster.Http.SendAsync(request, cancellationToken);
            string? code = null;
            if (!response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType == "application/problem+json")
            {
                using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                code = problem.RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;
            }
            return new Answer(response.StatusCode, code, response.Headers.RetryAfter?.Delta);
        }
        catch (HttpRequestException)
        {
            return new Answer(HttpStatusCode.BadGateway, "connection", null);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Answer(HttpStatusCode.GatewayTimeout, "timeout", null);
        }
    }

    private static string? KeyOf(LogRow row) =>
        row.Payload.TryGetProperty("clientActionId", out var key) && key.ValueKind == JsonValueKind.String ? key.GetString() : null;

    private static async Task<bool> StoreDown(ClusterContext cluster, ClusterNode node, CancellationToken cancellationToken)
    {
        var (status, body) = await cluster.ReadyAsync(node, cancellationToken);
        if (status != 503) return false;
        using var report = JsonDocument.Parse(body);
        return report.RootElement.TryGetProperty("checks", out var checks) && checks.TryGetProperty("storage", out var storage)
               && storage.GetProperty("status").GetString() == "Unhealthy";
    }

    private static async Task<bool> AllReady(ClusterContext cluster, CancellationToken cancellationToken)
    {
        foreach (var node in cluster.Nodes.Where(n => n.Running))
            if ((await cluster.ReadyAsync(node, cancellationToken)).Status != 200) return false;
        return true;
    }

    private static Samples Collect(IEnumerable<TimeSpan?> values)
    {
        var samples = new Samples();
        foreach (var value in values) if (value is { } v) samples.Add(v);
        return samples;
    }

    private static Task DelayUntilAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var wait = at - DateTimeOffset.UtcNow;
        return wait > TimeSpan.Zero ? Task.Delay(wait, cancellationToken) : Task.CompletedTask;
    }
}
