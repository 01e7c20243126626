using CiExercise.Server.Tests.Infrastructure;

namespace CiExercise.Server.Tests.Limits;

/// <summary>
/// A server whose limits are a few calls and never refill within a test (one a minute), so that the call
/// after the burst is refused whatever the machine's speed. Tests sign in with their own tokens: the
/// fixture's Api shares the per-token allowance with nobody, but spends it too.
/// </summary>
public sealed class SmallLimitsFixture : ServerFixture
{
    public const int Burst = 3;
    public const int ConnectionsPerToken = 2;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Limits:Api:Burst"] = $"{Burst}",
        ["Limits:Api:PerMinute"] = "1",
        ["Limits:Redeem:Burst"] = $"{Burst}",
        ["Limits:Redeem:PerMinute"] = "1",
        ["Limits:HubConnectionsPerToken"] = $"{ConnectionsPerToken}",
        ["Limits:HubCalls:Burst"] = $"{Burst}",
        ["Limits:HubCalls:PerMinute"] = "1",
        ["Limits:ScenarioValidation:Concurrent"] = "1",
        ["Limits:ScenarioValidation:Queue"] = "1",
    };
}
