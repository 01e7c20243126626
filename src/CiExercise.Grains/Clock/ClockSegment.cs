namespace CiExercise.Grains.Clock;

/// <summary>From WallStart on (until the next segment), scenario time runs at Speed from ScenarioStart, or stands.</summary>
internal readonly record struct ClockSegment(DateTimeOffset WallStart, TimeSpan ScenarioStart, double Speed, bool Running)
{
    public TimeSpan ScenarioAt(DateTimeOffset wall) =>
        Running && wall > WallStart
            ? ScenarioStart + TimeSpan.FromTicks((long)((wall - WallStart).Ticks * Speed))
            : ScenarioStart;

    /// <summary>The wall moment this segment reaches scenario time t, if it runs (it may be past its end).</summary>
    public DateTimeOffset? WallWhen(TimeSpan t)
    {
        if (t <= ScenarioStart) return WallStart;
        if (!Running) return null;
        var wall = WallStart + TimeSpan.FromTicks((long)Math.Ceiling((t - ScenarioStart).Ticks / Speed));
        // Floating point may land one tick short of t; the answer must be a moment that shows t.
        return ScenarioAt(wall) >= t ? wall : wall + TimeSpan.FromTicks(1);
    }
}
