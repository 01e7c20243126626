namespace CiExercise.Cli.Load;

/// <summary>The HTTP client every console and the control cell share for the API (the hub connections have their own).</summary>
internal static class LoadHttp
{
    public static HttpClient Client(Uri address, TimeSpan timeout) =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { BaseAddress = address, Timeout = timeout };
}
