namespace CiExercise.Contracts.Ports;

/// <summary>
/// The database did not answer (stopped, restarting, unreachable, out of connections): nothing was recorded, and the
/// same request sent again after <see cref="RetryAfter"/> may succeed. Its own serializable type, so that it crosses
/// silos as itself: a driver's exception from another node arrives only as a type name Orleans cannot rebuild.
/// </summary>
[GenerateSerializer, Alias("ciex.StorageUnavailableException")]
public sealed class StorageUnavailableException(string message) : Exception(message)
{
    /// <summary>The stable code of the refusal, over HTTP (503) and on the hub.</summary>
    public const string Code = "storage.unavailable";

    /// <summary>How long a client is told to wait before sending the same request again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public static StorageUnavailableException From(Exception cause) =>
        new($"The database is unavailable, so nothing was recorded; send the same request again (with the same idempotency key) " +
            $"in {RetryAfter.TotalSeconds:0} s. ({cause.GetType().Name}: {FirstLine(cause.Message)})");

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length <= 200 ? line : line[..200];
    }
}
