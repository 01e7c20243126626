using System.Text.Json;
using CiExercise.Cli.Load.Api;
using CiExercise.Cli.Load.Figures;
using CiExercise.Cli.Load.Scenario;
using CiExercise.Contracts.Events;

namespace CiExercise.Cli.Cluster;

/// <summary>
/// The checks of a fault run against the event log read after the end, written without the server's code:
/// sequence numbers without a gap; every scripted inject fired once and delivered once to each organization it
/// names; every console kept every event it may see, in order, once; every acknowledgement a console was
/// answered for is in the log, once per organization and inject.
/// </summary>
public static class LogChecks
{
    public static IEnumerable<string> Check(FaultExercise exercise, IReadOnlyList<LogRow> log)
    {
        for (var i = 0; i < log.Count; i++)
            if (log[i].Seq != i + 1)
            {
                yield return $"the log's sequence numbers have a gap or a repeat: row {i + 1} has seq {log[i].Seq}";
                break;
            }

        var fired = log.Where(r => r.Kind == EventKind.InjectFired).ToLookup(r => r.InjectId!);
        var scripted = new[] { LoadInjects.Startex }.Concat(Enumerable.Range(1, exercise.Scenario.Injects).Select(i => $"i{i:D3}")).ToArray();
        foreach (var inject in scripted)
            if (fired[inject].Count() != 1) yield return $"inject {inject} fired {fired[inject].Count()} times (once expected)";

        var delivered = log.Where(r => r.Kind == EventKind.InjectDelivered).GroupBy(r => (r.InjectId!, r.OrganizationId!)).ToDictionary(g => g.Key, g => g.Count());
        foreach (var (key, count) in delivered.Where(d => d.Value != 1))
            yield return $"inject {key.Item1} was delivered {count} times to {key.Item2}";
        foreach (var row in fired.SelectMany(g => g))
            foreach (var organization in Recipients(row))
                if (!delivered.ContainsKey((row.InjectId!, organization)))
                    yield return $"inject {row.InjectId} fired for {organization} but was never delivered to it";

        var end = log.LastOrDefault(r => r.Kind == EventKind.ExerciseEnded)?.Seq ?? 0;
        var once = ExactlyOnce.Check(exercise.Consoles, log, end);
        if (!once.Holds)
            yield return $"consoles: {once.ConsolesWithGap} of {once.Consoles} with a gap ({once.Missing} events missing), {once.NotAllowed} events " +
                         $"they may not see, {once.Mismatched} that differ from the log, {once.NotEnded} that never saw the end";
        if (exercise.Consoles.Sum(c => c.OutOfOrder) is var disorder and > 0)
            yield return $"the client handed out {disorder} events out of order or twice";

        var bySeq = log.ToDictionary(r => r.Seq);
        var acknowledged = log.Where(r => r.Kind == EventKind.InjectAcknowledged).GroupBy(r => (r.InjectId!, r.OrganizationId!));
        foreach (var group in acknowledged.Where(g => g.Count() > 1))
            yield return $"inject {group.Key.Item1} was acknowledged {group.Count()} times by {group.Key.Item2} (each console sent one key)";
        foreach (var console in exercise.Consoles)
            foreach (var (injectId, seq, _) in console.Receipts)
                if (!bySeq.TryGetValue(seq, out var row) || row.Kind != EventKind.InjectAcknowledged || row.InjectId != injectId
                    || row.OrganizationId != console.Seat.OrganizationId)
                    yield return $"{console.Seat.Name} was answered seq {seq} for acknowledging {injectId}, and the log does not hold that acknowledgement there";
    }

    /// <summary>The server's default firing tolerance (Engine:LateAfter): an inject fired later than this is recorded as late.</summary>
    public static readonly TimeSpan LateAfterDefault = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Injects that fell due while the fault lasted (from its start to the moment the cluster could record again) fire
    /// afterwards, marked late with their lateness: each is late exactly when it fired beyond the tolerance, and at least
    /// one of them did (or the fault did not show what it is for).
    /// </summary>
    public static IEnumerable<string> LateAfter(IReadOnlyList<LogRow> log, DateTimeOffset from, DateTimeOffset until, FaultResult result)
    {
        var during = log.Where(r => r.Kind == EventKind.InjectFired && DueAt(r) is { } due && due >= from && due < until).ToArray();
        result.Figure("injects due during the fault", "count", during.Length);
        result.Figure("of them fired late", "count", during.Count(Late));
        result.Figure("their lateness, max", "s", during.Length == 0 ? null : during.Max(r => Lateness(r).TotalSeconds));
        if (!during.Any(Late)) yield return "no inject fell due during the fault and fired late (the scenario does not show that they do)";
        foreach (var row in during.Where(r => Late(r) != Lateness(r) > LateAfterDefault))
            yield return $"inject {row.InjectId} fell due during the fault and fired {Lateness(row).TotalSeconds:0.0} s after, marked late: {Late(row)}";
    }

    private static IEnumerable<string> Recipients(LogRow fired) =>
        fired.Payload.TryGetProperty("recipients", out var list) ? list.EnumerateArray().Select(e => e.GetString()!) : [];

    public static DateTimeOffset? DueAt(LogRow fired) =>
        fired.Payload.TryGetProperty("dueAt", out var due) && due.ValueKind == JsonValueKind.String ? due.GetDateTimeOffset() : null;

    public static TimeSpan Lateness(LogRow fired) =>
        fired.Payload.TryGetProperty("lateness", out var late) && TimeSpan.TryParse(late.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value : TimeSpan.Zero;

    private static bool Late(LogRow fired) => fired.Payload.TryGetProperty("late", out var late) && late.ValueKind == JsonValueKind.True;
}
