using System.Security.Cryptography;
using System.Text;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Contracts.Idempotency;

/// <summary>
/// The key a client gives an action so that a resend of it is recognised (a retried request, a resend after
/// a reconnect, a double click): 1 to 100 characters of A–Z, a–z, 0–9 and . _ : - (a UUID fits). The one
/// definition every entry point checks before anything reaches a grain or a store: the key is kept in the
/// event log for good, so an unbounded one would be a way to fill it.
/// </summary>
public static class ClientActionId
{
    public const int MaxLength = 100;

    /// <summary>The code of the refusal of a malformed key.</summary>
    public const string InvalidCode = "request.invalid-key";

    /// <summary>The code of the refusal of a key already used by the same caller for a different action.</summary>
    public const string ReusedCode = "idempotency.key-reused";

    public static bool IsValid(string key) => key.Length is > 0 and <= MaxLength && key.All(IsAllowed);

    /// <summary>Why the key in the field cannot be used, or null when it can (or none was given).</summary>
    public static string? Problem(string field, string? key) =>
        key is null || IsValid(key) ? null
        : $"'{field}' is 1 to {MaxLength} characters of A-Z, a-z, 0-9, '.', '_', ':' and '-' (a UUID fits); "
          + (key.Length is 0 or > MaxLength ? $"this one has {key.Length} characters." : "this one has other characters.");

    /// <summary>
    /// A fingerprint of an action's meaningful content (what it is and its arguments, as canonical JSON), kept
    /// with the event: a resend with the same key matches it, another action under the same key does not.
    /// </summary>
    public static string Fingerprint(string action, params object?[] arguments) =>
        Hash(ScenarioJson.Serialize(arguments.Prepend(action).ToArray()), 16);

    /// <summary>
    /// The event log's dedupe key of a keyed action of <paramref name="scope"/> (who acts): the key first, since
    /// it cannot hold '|', and the scope hashed, since a name may be long or hold anything.
    /// </summary>
    public static string DedupeKey(string scope, string key) => $"key:{key}|{Hash(scope, 8)}";

    /// <summary>The refusal of a key reused for another action, in words a user can act on.</summary>
    public static string ReusedMessage(string key) =>
        $"The idempotency key '{key}' was already used for a different action; make a new key for each action.";

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-';

    private static string Hash(string text, int bytes) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, bytes));
}
