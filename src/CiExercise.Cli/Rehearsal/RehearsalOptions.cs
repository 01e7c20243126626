using CiExercise.Cli.Rehearsal.Participants;

namespace CiExercise.Cli.Rehearsal;

/// <summary>
/// What a rehearsal plays. Speed is the speed the exercise would run at for real: it turns the participants' wall
/// think times into scenario time, so it decides which response windows can be met; the rehearsal itself runs on a
/// virtual clock, as fast as the machine goes.
/// </summary>
public sealed record RehearsalOptions(double Speed, Behaviour Participants, int Seed)
{
    /// <summary>How long a console may take to receive an event, or the engine to settle, before the rehearsal gives up.</summary>
    public TimeSpan SettleTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
