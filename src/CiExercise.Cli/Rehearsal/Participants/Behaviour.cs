namespace CiExercise.Cli.Rehearsal.Participants;

/// <summary>How the simulated participants play (--participants). Random draws one of the others per organization and inject.</summary>
public enum Behaviour
{
    Prompt,
    Slow,
    Silent,
    Random,
}

/// <summary>
/// A participant's think times in wall time, each drawn between its bounds: acknowledging after delivery, deciding
/// after acknowledging, reporting along the chain after deciding. Wall time, because people think in wall time
/// however fast the exercise runs; the exercise's speed turns them into scenario time.
/// </summary>
public sealed record ThinkTimes(ThinkRange Acknowledge, ThinkRange Decide, ThinkRange Report)
{
    /// <summary>Someone watching the console: reads at once, decides within minutes.</summary>
    public static ThinkTimes Prompt { get; } = new(
        new(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(60)), new(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(3)),
        new(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(3)));

    /// <summary>A team busy elsewhere, or one that waits for its manager.</summary>
    public static ThinkTimes Slow { get; } = new(
        new(TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(10)), new(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30)),
        new(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30)));

    /// <summary>The least wall time in which a participant of this kind decides on an inject after its delivery.</summary>
    public TimeSpan FastestDecision => Acknowledge.Min + Decide.Min;

    public static ThinkTimes? Of(Behaviour behaviour) => behaviour switch
    {
        Behaviour.Prompt => Prompt,
        Behaviour.Slow => Slow,
        _ => null,
    };
}

/// <summary>The bounds of one think time.</summary>
public sealed record ThinkRange(TimeSpan Min, TimeSpan Max)
{
    /// <summary>A whole number of seconds between the bounds, drawn from the random.</summary>
    public TimeSpan Draw(Random random) =>
        TimeSpan.FromSeconds(random.Next((int)Min.TotalSeconds, (int)Max.TotalSeconds + 1));
}
