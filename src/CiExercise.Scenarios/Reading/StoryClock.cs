namespace CiExercise.Scenarios.Reading;

/// <summary>The scenario's zone and start, to turn story date-times written in the file into offsets.</summary>
internal sealed record StoryClock(TimeZoneInfo Zone, DateTimeOffset Start)
{
    public DateTimeOffset ToStory(DateTime local) => new(local, Zone.GetUtcOffset(local));

    public TimeSpan OffsetOf(DateTime local) => ToStory(local) - Start;
}
