using CiExercise.Contracts.Events;
using CiExercise.Contracts.Idempotency;

namespace CiExercise.Grains;

/// <summary>A client's key for one action (Id null: none was given) and the fingerprint of that action.</summary>
internal readonly record struct ActionKey(string? Id, string Fingerprint)
{
    /// <summary>The fingerprint as the payload keeps it: only with a key, since without one nothing is compared.</summary>
    public string? Stored => Id is null ? null : Fingerprint;

    /// <summary>The event's dedupe key, scoped by who acts, so the log itself refuses a second row for the key.</summary>
    public string? DedupeKey(Actor actor) => Id is null ? null : ClientActionId.DedupeKey(actor.Id, Id);
}
