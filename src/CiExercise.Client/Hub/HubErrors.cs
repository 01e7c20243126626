namespace CiExercise.Client.Hub;

/// <summary>
/// How a refusal travels in a hub error's message: "code: message", with the same stable codes as the
/// HTTP API's problem details (for example "exercise.not-running" or "access.denied").
/// </summary>
public static class HubErrors
{
    public const string AccessDenied = "access.denied";
    public const string Unauthenticated = "access.unauthenticated";

    public static string Format(string code, string message) => $"{code}: {message}";

    /// <summary>The code and message of a hub error's text, which the server framework may prefix.</summary>
    public static (string Code, string Message) Parse(string text)
    {
        // The client sees "An unexpected error occurred invoking 'X' on the server. HubException: code: message".
        const string marker = "HubException: ";
        var start = text.IndexOf(marker, StringComparison.Ordinal);
        var body = start < 0 ? text : text[(start + marker.Length)..];
        var colon = body.IndexOf(": ", StringComparison.Ordinal);
        return colon <= 0 || body[..colon].Contains(' ') ? ("", body) : (body[..colon], body[(colon + 2)..]);
    }
}
