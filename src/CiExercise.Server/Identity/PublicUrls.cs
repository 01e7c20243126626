namespace CiExercise.Server.Identity;

/// <summary>
/// The address participants open: Identity:PublicBaseUrl when set (behind a proxy or on a named host),
/// else the address of the request that issues the link, else the first address the server listens on.
/// </summary>
public sealed class PublicUrls(IConfiguration configuration)
{
    public const string JoinPath = "/join";

    public string BaseUrl(HttpRequest? request)
    {
        if (configuration["Identity:PublicBaseUrl"] is { Length: > 0 } configured) return configured.TrimEnd('/');
        if (request is not null) return $"{request.Scheme}://{request.Host}";
        var first = (configuration["urls"] ?? "http://localhost:5080").Split(';', StringSplitOptions.RemoveEmptyEntries)[0];
        return first.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).TrimEnd('/');
    }

    /// <summary>The token goes after '#': the fragment never leaves the browser, so no server or proxy logs it.</summary>
    public string JoinUrl(HttpRequest? request, string token) => $"{BaseUrl(request)}{JoinPath}#{token}";
}
