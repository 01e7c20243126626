using CiExercise.Contracts.Exercises;

namespace CiExercise.Grains.Clock;

/// <summary>
/// The exercise clock, derived from the recorded clock events alone (ARCHITECTURE.md invariant 4):
/// each event starts a new segment anchored where the previous one had got to, so scenario time is
/// a function of wall time and never accumulates timer error. Wall moments that arrive out of order
/// are taken as the latest one seen, so scenario time never goes backwards.
/// </summary>
public sealed class ExerciseClock
{
    public const double MinSpeed = 0.1;
    public const double MaxSpeed = 3600;

    private readonly List<ClockSegment> _segments = [];

    /// <summary>The speed in force (or to start with, before the clock has started).</summary>
    public double Speed { get; private set; } = 1;

    public bool Started => _segments.Count > 0;

    public bool Running => Started && _segments[^1].Running;

    public static bool IsValidSpeed(double speed) => double.IsFinite(speed) && speed is >= MinSpeed and <= MaxSpeed;

    public void Start(DateTimeOffset wall)
    {
        if (Started) throw new InvalidOperationException("The clock has already started.");
        _segments.Add(new ClockSegment(wall, TimeSpan.Zero, Speed, true));
    }

    public void Pause(DateTimeOffset wall) => Anchor(wall, running: false);

    public void Resume(DateTimeOffset wall) => Anchor(wall, running: true);

    public void SetSpeed(DateTimeOffset wall, double speed)
    {
        if (!IsValidSpeed(speed)) throw new ArgumentOutOfRangeException(nameof(speed), speed, "Speed is outside 0.1–3600.");
        if (!Started)
        {
            Speed = speed;
            return;
        }
        var running = Running;
        wall = Clamp(wall);
        var scenario = ScenarioAt(wall);
        Speed = speed;
        Add(wall, scenario, running);
    }

    /// <summary>Moves scenario time forward to <paramref name="scenario"/>; never backwards.</summary>
    public void JumpTo(DateTimeOffset wall, TimeSpan scenario)
    {
        wall = Clamp(wall);
        var now = ScenarioAt(wall);
        Add(wall, scenario > now ? scenario : now, Running);
    }

    /// <summary>Scenario time at a wall moment, past or present; zero before the start.</summary>
    public TimeSpan ScenarioAt(DateTimeOffset wall)
    {
        for (var i = _segments.Count - 1; i >= 0; i--)
            if (_segments[i].WallStart <= wall) return _segments[i].ScenarioAt(wall);
        return TimeSpan.Zero;
    }

    /// <summary>The wall moment scenario time first reached t, or null if it has not yet.</summary>
    public DateTimeOffset? ReachedAt(TimeSpan t, DateTimeOffset now)
    {
        if (ScenarioAt(now) < t) return null;
        for (var i = 0; i < _segments.Count; i++)
        {
            var end = i + 1 < _segments.Count ? _segments[i + 1].WallStart : now;
            // A jump across t shows as the next segment starting at or past t, which WallWhen returns.
            if (_segments[i].WallWhen(t) is { } wall && wall <= end) return wall;
        }
        return now;
    }

    /// <summary>When scenario time will reach t if nothing changes: null while the clock stands.</summary>
    public DateTimeOffset? ExpectedAt(TimeSpan t, DateTimeOffset now) =>
        ReachedAt(t, now) ?? (Running ? _segments[^1].WallWhen(t) : null);

    public ClockSnapshot Snapshot(ExerciseStatus status) =>
        Started
            ? new ClockSnapshot(status, _segments[^1].WallStart, _segments[^1].ScenarioStart, Speed)
            : new ClockSnapshot(status, DateTimeOffset.MinValue, TimeSpan.Zero, Speed);

    private void Anchor(DateTimeOffset wall, bool running)
    {
        if (!Started) throw new InvalidOperationException("The clock has not started.");
        wall = Clamp(wall);
        Add(wall, ScenarioAt(wall), running);
    }

    /// <summary>An event never starts before the previous one: wall clocks of two nodes may disagree.</summary>
    private DateTimeOffset Clamp(DateTimeOffset wall) => wall > _segments[^1].WallStart ? wall : _segments[^1].WallStart;

    private void Add(DateTimeOffset wall, TimeSpan scenario, bool running) =>
        _segments.Add(new ClockSegment(wall, scenario, Speed, running));
}
