namespace CiExercise.Cli.Rehearsal.Participants;

/// <summary>
/// The random numbers of a rehearsal. Each decision draws from its own generator, seeded by the rehearsal's seed and
/// what it is about (organization, inject, step), so a draw does not depend on the order in which concurrent consoles
/// happened to see their events: the same seed gives the same play.
/// </summary>
public sealed class Draws(int seed)
{
    public int Seed => seed;

    public Random For(params string[] about)
    {
        // FNV-1a over the parts: string.GetHashCode differs from one process to the next.
        var hash = 2166136261u ^ (uint)seed;
        foreach (var part in about)
        {
            foreach (var c in part)
            {
                hash = (hash ^ c) * 16777619u;
            }
            hash = (hash ^ '\n') * 16777619u;
        }
        return new Random((int)(hash & int.MaxValue));
    }

    /// <summary>What a participant of --participants random does about one inject: mostly prompt, sometimes slow or silent.</summary>
    public Behaviour Resolve(Behaviour behaviour, string organizationId, string injectId)
    {
        if (behaviour != Behaviour.Random) return behaviour;
        var draw = For(organizationId, injectId, "behaviour").Next(10);
        return draw < 5 ? Behaviour.Prompt : draw < 8 ? Behaviour.Slow : Behaviour.Silent;
    }
}
