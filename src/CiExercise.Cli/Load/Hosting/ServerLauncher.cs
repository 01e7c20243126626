using System.Text.RegularExpressions;

namespace CiExercise.Cli.Load.Hosting;

/// <summary>
/// Starts the real server (the built CiExercise.Server.dll) on free loopback ports with its own data and
/// scenario folders, and reads the first controller's sign-in link from the file it writes on a first start
/// (it prints where; the link itself only on a terminal, and this tool reads its output through a pipe).
/// </summary>
public static partial class ServerLauncher
{
    public const string DllName = "CiExercise.Server.dll";

    public sealed record Started(ChildProcess Process, Uri Address, string FirstControllerToken);

    /// <summary>
    /// What one server process gets: its own HTTP port (null: a free one) and any settings beyond the folders
    /// (a cluster node's storage and cluster settings, its silo ports). WaitForLink: a first start that issues the
    /// first controller's link (a cluster issues it once, on one node; a restarted node issues none).
    /// </summary>
    public sealed record Launch(string Dll, string DataDirectory, string ScenarioDirectory, string? LogPath)
    {
        public int? Port { get; init; }

        public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

        public bool WaitForLink { get; init; } = true;
    }

    public static Task<Started> StartAsync(string dll, string dataDirectory, string scenarioDirectory, string? logPath, TimeSpan timeout, CancellationToken cancellationToken) =>
        StartAsync(new Launch(dll, dataDirectory, scenarioDirectory, logPath), timeout, cancellationToken);

    /// <summary>Starts the server and returns once /health/ready says it is ready (FirstControllerToken is empty without WaitForLink).</summary>
    public static async Task<Started> StartAsync(Launch launch, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // It runs in its own folder, so a path relative to here would not be found from there.
        var dll = Path.GetFullPath(launch.Dll);
        var port = launch.Port ?? FreePort.Next();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var link = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var settings = new Dictionary<string, string>
        {
            ["Urls"] = address.GetLeftPart(UriPartial.Authority),
            ["Storage:DataDirectory"] = launch.DataDirectory,
            ["Scenarios:Directory"] = launch.ScenarioDirectory,
            ["Samples:CreateOnEmpty"] = "false",
            ["Orleans:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in launch.Settings) settings[key] = value;
        var process = ChildProcess.Start(DotnetHost.Path, [dll, .. settings.Select(s => $"--{s.Key}={s.Value}")], line =>
        {
            if (FirstLinkFile().Match(line) is not { Success: true } match) return;
            try
            {
                link.TrySetResult(TokenIn(match.Groups[1].Value));
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException or LoadException)
            {
                link.TrySetException(error);
            }
        }, Path.GetDirectoryName(dll), launch.LogPath);
        // The link is printed while the host starts, before it listens: ready is when /health/ready says so.
        var token = launch.WaitForLink ? await process.WaitAsync(link.Task, "The server", timeout, cancellationToken) : "";
        await process.WaitAsync(ReadyAsync(address, timeout, cancellationToken), "The server", timeout, cancellationToken);
        return new Started(process, address, token);
    }

    private static async Task<bool> ReadyAsync(Uri address, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTimeOffset.UtcNow + timeout;
        // Bounded by timeout; WaitAsync also stops waiting when the server exits.
        while (DateTimeOffset.UtcNow < until)
        {
            try
            {
                using var response = await http.GetAsync("health/ready", cancellationToken);
                if (response.IsSuccessStatusCode) return true;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A health check that took longer than 5 s: ask again.
            }
            await Task.Delay(200, cancellationToken);
        }
        throw new LoadException($"The server was not ready at {address}health/ready within {timeout.TotalSeconds} s.");
    }

    /// <summary>The CiExercise.Server.dll built in the checkout that holds this tool: Release if there is one, else Debug.</summary>
    public static string Find()
    {
        var checkout = Checkout.Find() ?? throw new LoadException(
            "No checkout (a folder holding CiExercise.sln) was found above the current folder or this tool; pass --server-dll PATH.");
        var built = new[] { "Release", "Debug" }
            .Select(c => Path.Combine(checkout, "src", "CiExercise.Server", "bin", c, "net10.0", DllName))
            .FirstOrDefault(File.Exists);
        return built ?? throw new LoadException(
            $"The server is not built in {checkout}: run `dotnet build src/CiExercise.Server -c Release` first, or pass --server-dll PATH.");
    }

    /// <summary>The token of the join URL written in the file (the part after '#').</summary>
    private static string TokenIn(string path)
    {
        var url = File.ReadAllText(path).Trim();
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? throw new LoadException($"The server's first controller link file {path} holds no join link.") : url[(hash + 1)..];
    }

    [GeneratedRegex(@"first controller's sign-in link is in (.+) \(readable")]
    private static partial Regex FirstLinkFile();
}
