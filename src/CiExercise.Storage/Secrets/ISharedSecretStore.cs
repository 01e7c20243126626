namespace CiExercise.Storage.Secrets;

/// <summary>
/// Values every node of a cluster must hold alike, kept in the shared database (the token signing key when
/// configuration gives none). Values are secrets: never logged.
/// </summary>
public interface ISharedSecretStore
{
    /// <summary>Longest name accepted.</summary>
    public const int MaxNameLength = 100;

    /// <summary>Longest value accepted.</summary>
    public const int MaxValueLength = 4000;

    /// <summary>
    /// The value stored under <paramref name="name"/>; when there is none yet, <paramref name="candidate"/> is stored
    /// first. Every caller on every node gets the same value, also when several race to store their candidates.
    /// </summary>
    /// <exception cref="ArgumentException">name or candidate is empty or longer than allowed.</exception>
    Task<string> GetOrAddAsync(string name, string candidate, CancellationToken cancellationToken = default);
}
