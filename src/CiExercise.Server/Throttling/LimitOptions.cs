namespace CiExercise.Server.Throttling;

/// <summary>
/// How much one participant may ask of the server (configuration section "Limits"), so that nobody's
/// browser, script or stuck retry loop slows the exercise for everyone else. The defaults are far above
/// what a national exercise does in normal play (850 organizations × 8 consoles, a few tabs each, a
/// controller console that polls); README "Rates and connections" states them.
/// </summary>
public sealed class LimitOptions
{
    public const string Section = "Limits";

    /// <summary>HTTP API requests per signed-in token (a principal's tabs share it).</summary>
    public RateLimit Api { get; init; } = new() { Burst = 300, PerMinute = 1200 };

    /// <summary>POST /api/auth/redeem attempts per client address (an office behind one address signs in together).</summary>
    public RateLimit Redeem { get; init; } = new() { Burst = 1000, PerMinute = 3000 };

    /// <summary>Hub connections open at once per token: a few tabs, and stale connections a flapping network leaves behind for a while.</summary>
    public int HubConnectionsPerToken { get; init; } = 10;

    /// <summary>Hub method calls per connection.</summary>
    public RateLimit HubCalls { get; init; } = new() { Burst = 100, PerMinute = 600 };

    /// <summary>Scenario files validated at once, and how many more may wait for a turn.</summary>
    public ConcurrencyLimit ScenarioValidation { get; init; } = new() { Concurrent = 2, Queue = 4 };

    public static LimitOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<LimitOptions>() ?? new LimitOptions();
        options.Validate();
        return options;
    }

    private void Validate()
    {
        Api.Validate($"{Section}:Api");
        Redeem.Validate($"{Section}:Redeem");
        HubCalls.Validate($"{Section}:HubCalls");
        if (HubConnectionsPerToken < 1)
            throw new InvalidOperationException($"{Section}:HubConnectionsPerToken must be 1 or more; it is {HubConnectionsPerToken}.");
        if (ScenarioValidation.Concurrent < 1 || ScenarioValidation.Queue < 0)
            throw new InvalidOperationException(
                $"{Section}:ScenarioValidation needs Concurrent 1 or more and Queue 0 or more; they are {ScenarioValidation.Concurrent} and {ScenarioValidation.Queue}.");
    }
}

/// <summary>A token bucket: Burst calls at once, refilled at PerMinute calls a minute.</summary>
public sealed class RateLimit
{
    public int Burst { get; init; }

    public int PerMinute { get; init; }

    public override string ToString() => $"{Burst} at once, {PerMinute} a minute";

    internal void Validate(string name)
    {
        if (Burst < 1 || PerMinute < 1)
            throw new InvalidOperationException($"{name} needs Burst and PerMinute of 1 or more; they are {Burst} and {PerMinute}.");
    }
}

public sealed class ConcurrencyLimit
{
    public int Concurrent { get; init; }

    public int Queue { get; init; }

    public override string ToString() => $"{Concurrent} at once, {Queue} waiting";
}
