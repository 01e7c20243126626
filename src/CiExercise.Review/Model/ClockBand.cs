namespace CiExercise.Review.Model;

/// <summary>
/// A stretch of the exercise the controller shaped: a pause, a real-world halt, a speed in force, or a jump
/// (a band of no wall width). To is null while it lasts to the end of the record.
/// </summary>
public sealed record ClockBand(
    ClockBandKind Kind,
    long Seq,
    DateTimeOffset WallFrom,
    DateTimeOffset? WallTo,
    TimeSpan ScenarioFrom,
    TimeSpan? ScenarioTo,
    double Speed,
    string? ActorId,
    string? Reason);

public enum ClockBandKind
{
    Paused,
    Halted,
    Speed,
    Jump,
}
