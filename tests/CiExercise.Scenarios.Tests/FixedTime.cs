namespace CiExercise.Scenarios.Tests;

/// <summary>A clock stopped at one instant, in UTC, so "now" defaults are predictable.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => now;
}
