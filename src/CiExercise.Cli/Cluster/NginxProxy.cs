using System.Reflection;
using System.Text.RegularExpressions;
using CiExercise.Cli.Load;
using CiExercise.Cli.Load.Hosting;

namespace CiExercise.Cli.Cluster;

/// <summary>
/// nginx in front of the nodes with the repository's configuration (infra/nginx/ciexercise.conf, embedded in this
/// tool), rendered with the nodes' ports and this run's listen address, in a folder of its own (configuration,
/// pid, logs, temp files): never the system's nginx. Run in the foreground as a child, so stopping it (or this run
/// ending) drops every connection through it at once.
/// </summary>
public sealed partial class NginxProxy(string folder, IReadOnlyList<int> nodePorts) : IAsyncDisposable
{
    private const string Resource = "CiExercise.Cli.Cluster.ciexercise.conf";
    private ChildProcess? _process;

    public int Port { get; } = FreePort.Next();

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    /// <summary>The response header this run adds to tell which node answered (the upstream's address), never in the shipped file.</summary>
    public const string NodeHeader = "X-Ciex-Node";

    /// <summary>nginx from PATH or Debian's /usr/sbin, or null when it is not installed.</summary>
    public static string? Find() =>
        new[] { "/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists)
        ?? (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(p => Path.Combine(p, "nginx")).FirstOrDefault(File.Exists);

    public async Task StartAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var nginx = Find() ?? throw new LoadException("nginx is not installed: `apt-get install -y nginx` (tests/run.sh does it).");
        if (_process is null) await WriteConfigurationAsync(cancellationToken);
        var started = ChildProcess.Start(nginx, ["-p", folder, "-e", Path.Combine(folder, "error.log"), "-c", Path.Combine(folder, "nginx.conf")], null, folder, Path.Combine(folder, "nginx.out"));
        _process = started;
        await started.WaitAsync(ListeningAsync(timeout, cancellationToken), "nginx", timeout, cancellationToken);
    }

    /// <summary>Kills nginx (every console's connection drops at once) and starts it again; returns when it was killed.</summary>
    public async Task<DateTimeOffset> RestartAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await StopAsync();
        var dropped = DateTimeOffset.UtcNow;
        await StartAsync(timeout, cancellationToken);
        return dropped;
    }

    public async Task StopAsync()
    {
        if (_process is not { } process) return;
        _process = null;
        await process.DisposeAsync();
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    /// <summary>The shipped file with this run's nodes and listen address, and the answering node named in a header.</summary>
    public static string Render(string template, IReadOnlyList<int> nodePorts, int listenPort)
    {
        var servers = UpstreamServer().Matches(template);
        if (servers.Count == 0) throw new LoadException("infra/nginx/ciexercise.conf has no upstream server line to replace.");
        var options = servers[0].Groups["options"].Value;
        var lines = string.Join("", nodePorts.Select(p => $"{servers[0].Groups["indent"].Value}server 127.0.0.1:{p}{options};\n"));
        var rendered = UpstreamServer().Replace(template, "");
        rendered = rendered.Insert(UpstreamServer().Match(template).Index, lines);
        if (!Listen().IsMatch(rendered)) throw new LoadException("infra/nginx/ciexercise.conf has no listen line to replace.");
        rendered = Listen().Replace(rendered, $"${{indent}}listen 127.0.0.1:{listenPort};", 1);
        var location = rendered.IndexOf("location / {", StringComparison.Ordinal);
        if (location < 0) throw new LoadException("infra/nginx/ciexercise.conf has no `location / {` to add the node header to.");
        var after = rendered.IndexOf('\n', location) + 1;
        return rendered.Insert(after, $"        add_header {NodeHeader} $upstream_addr always;\n");
    }

    private async Task WriteConfigurationAsync(CancellationToken cancellationToken)
    {
        await using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Resource)
                                 ?? throw new LoadException($"The embedded {Resource} is missing (a build problem).");
        var template = await new StreamReader(stream).ReadToEndAsync(cancellationToken);
        var temp = Directory.CreateDirectory(Path.Combine(folder, "temp")).FullName;
        // The workers run as nobody when nginx starts as root: they write request bodies here.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, (UnixFileMode)0b111_111_111);
        await File.WriteAllTextAsync(Path.Combine(folder, "ciexercise.conf"), Render(template, nodePorts, Port), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            daemon off;
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 4096; }
            http {
                access_log {{folder}}/access.log;
                client_body_temp_path {{temp}}/body;
                proxy_temp_path {{temp}}/proxy;
                fastcgi_temp_path {{temp}}/fastcgi;
                uwsgi_temp_path {{temp}}/uwsgi;
                scgi_temp_path {{temp}}/scgi;
                include {{folder}}/ciexercise.conf;
            }
            """, cancellationToken);
    }

    private async Task<bool> ListeningAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        // Bounded by timeout; WaitAsync also stops waiting when nginx exits (a bad configuration).
        while (true)
        {
            try
            {
                using var client = new System.Net.Sockets.TcpClient();
                await client.ConnectAsync(System.Net.IPAddress.Loopback, Port, limit.Token);
                return true;
            }
            catch (System.Net.Sockets.SocketException)
            {
                await Task.Delay(100, limit.Token);
            }
        }
    }

    [GeneratedRegex(@"^(?<indent>[ \t]*)server [^\s;]+:\d+(?<options>[^;\n]*);[ \t]*\n", RegexOptions.Multiline)]
    private static partial Regex UpstreamServer();

    [GeneratedRegex(@"^(?<indent>[ \t]*)listen [^;\n]+;", RegexOptions.Multiline)]
    private static partial Regex Listen();
}
