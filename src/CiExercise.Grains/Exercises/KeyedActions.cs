using CiExercise.Contracts.Events;

namespace CiExercise.Grains.Exercises;

/// <summary>
/// The actions recorded under a client's key, by who acted and the key, each with the fingerprint of what it
/// was and its row: part of the exercise's fold, so that a resend is recognised after a restart as well.
/// </summary>
internal sealed class KeyedActions
{
    private readonly Dictionary<(string ActorId, string Key), (string? Fingerprint, ExerciseEvent Event)> _actions = [];

    /// <summary>Keeps the first row of a key; an event without one is ignored.</summary>
    public void Remember(ExerciseEvent e, string? clientActionId, string? fingerprint)
    {
        if (clientActionId is not null) _actions.TryAdd((e.Actor.Id, clientActionId), (fingerprint, e));
    }

    /// <summary>
    /// The row recorded under the actor's key, or null when there is none; refuses the key when it was used for
    /// an action with another fingerprint. Rows from before fingerprints were kept match any action.
    /// </summary>
    public ExerciseEvent? Find(Actor actor, string? clientActionId, string fingerprint)
    {
        if (clientActionId is null || !_actions.TryGetValue((actor.Id, clientActionId), out var first)) return null;
        if (first.Fingerprint is not null && first.Fingerprint != fingerprint) throw Rules.KeyReused(clientActionId);
        return first.Event;
    }
}
