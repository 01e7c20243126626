using CiExercise.Cli.Load.Scenario;

namespace CiExercise.Cli.Load.Consoles;

/// <summary>Every console of one target: connected together, dropped together in the storm, checked together at the end.</summary>
public sealed class ConsoleFleet : IAsyncDisposable
{
    /// <summary>Consoles loading at once: enough to keep the server busy, few enough that none times out waiting for this process.</summary>
    private const int ConnectParallelism = 64;
    private readonly List<LoadConsole> _consoles;

    public ConsoleFleet(IReadOnlyList<Seat> seats, IReadOnlyList<string> tokens, ConsoleTarget target, ActionPlan plan, CancellationToken stop)
    {
        var byOrganization = seats.GroupBy(s => s.OrganizationId).ToDictionary(g => g.Key, g => (IReadOnlyList<Seat>)g.ToArray());
        _consoles = seats.Select(s => new LoadConsole(s, byOrganization[s.OrganizationId], target, tokens[s.Index], Metrics, plan, stop)).ToList();
    }

    public FleetMetrics Metrics { get; } = new();

    public IReadOnlyList<LoadConsole> Consoles => _consoles;

    public int Connected => _consoles.Count(c => c.Subscribed);

    public Task ConnectAsync(CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(_consoles, new ParallelOptions { MaxDegreeOfParallelism = ConnectParallelism, CancellationToken = cancellationToken },
            async (console, token) =>
            {
                try
                {
                    await console.ConnectAsync(token);
                }
                catch (Exception) when (!token.IsCancellationRequested)
                {
                    // Counted: it is not subscribed, so it is not among the connections held, and the check shows its gap.
                    Interlocked.Increment(ref Metrics.ConnectFailures);
                }
            });

    /// <summary>Every console dropped at once, then all reconnecting at once as browsers would; returns when all have caught up.</summary>
    public async Task<DateTimeOffset> StormAsync(CancellationToken cancellationToken)
    {
        var droppedAt = DateTimeOffset.UtcNow;
        await Task.WhenAll(_consoles.Select(c => c.DropAsync()));
        await Task.WhenAll(_consoles.Select(c => c.RejoinAsync(droppedAt, cancellationToken)));
        return droppedAt;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var chunk in _consoles.Chunk(ConnectParallelism * 4))
            await Task.WhenAll(chunk.Select(c => c.DisposeAsync().AsTask()));
    }
}
