using System.Diagnostics;
using System.Reflection;
using CiExercise.Cli.Cluster;

namespace CiExercise.Cluster.Tests;

/// <summary>The shipped proxy configuration: rendered with a run's nodes, it is what nginx accepts and what SignalR needs.</summary>
public sealed class NginxConfigurationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ciex-nginx-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Shipped()
    {
        using var stream = typeof(NginxProxy).Assembly.GetManifestResourceStream("CiExercise.Cli.Cluster.ciexercise.conf")!;
        return new StreamReader(stream).ReadToEnd();
    }

    [Fact]
    public void Renders_every_node_and_the_listen_address_and_keeps_what_the_hub_needs()
    {
        var rendered = NginxProxy.Render(Shipped(), [5101, 5102, 5103, 5104], 8099);

        foreach (var port in new[] { 5101, 5102, 5103, 5104 }) Assert.Contains($"server 127.0.0.1:{port} max_fails=1 fail_timeout=5s;", rendered);
        Assert.DoesNotContain("node1:8080", rendered);
        Assert.Contains("listen 127.0.0.1:8099;", rendered);
        Assert.Contains("proxy_set_header Upgrade $http_upgrade;", rendered);
        Assert.Contains("proxy_buffering off;", rendered);
        Assert.Contains("hash $ciex_session consistent;", rendered);
    }

    [Fact]
    public async Task Nginx_accepts_the_rendered_configuration()
    {
        var nginx = NginxProxy.Find();
        if (nginx is null) Assert.Skip("nginx is not installed (tests/run.sh installs it with apt)");
        var conf = Path.Combine(_folder, "ciexercise.conf");
        await File.WriteAllTextAsync(conf, NginxProxy.Render(Shipped(), [5101, 5102], 8099), TestContext.Current.CancellationToken);
        var main = Path.Combine(_folder, "nginx.conf");
        await File.WriteAllTextAsync(main, $"pid {_folder}/nginx.pid; error_log {_folder}/error.log; events {{}} http {{ access_log off; include {conf}; }}",
            TestContext.Current.CancellationToken);

        var info = new ProcessStartInfo(nginx, ["-t", "-p", _folder, "-e", Path.Combine(_folder, "error.log"), "-c", main]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(info)!;
        var said = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.True(process.ExitCode == 0, said);
    }
}
