namespace CiExercise.Cli.Rehearsal.Participants;

/// <summary>What every team shares: how they play, the seed's draws, the agenda they plan on, and what was refused.</summary>
public sealed class RehearsalPlay(Behaviour behaviour, Draws draws, Agenda agenda)
{
    private readonly List<RefusedAction> _refused = [];

    public Behaviour Behaviour => behaviour;

    public Draws Draws => draws;

    public Agenda Agenda => agenda;

    public IReadOnlyList<RefusedAction> RefusedActions
    {
        get
        {
            lock (_refused) return [.. _refused];
        }
    }

    public void Refused(RefusedAction action)
    {
        lock (_refused) _refused.Add(action);
    }
}

/// <summary>An action of a simulated participant that the server refused, with the problem's code.</summary>
public sealed record RefusedAction(string OrganizationId, string InjectId, string Action, string Code);
