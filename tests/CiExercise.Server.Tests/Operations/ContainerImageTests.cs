using System.Diagnostics;
using System.Text;
using CiExercise.Server.Identity;
using CiExercise.Server.Tests.Infrastructure;

namespace CiExercise.Server.Tests.Operations;

/// <summary>
/// Docker cannot run here, so the image is tested as far as it can be: the built server, laid out as the image lays
/// it out (the app in the working folder, the scenarios beside it), runs the Dockerfile's ENTRYPOINT with its ENV and
/// becomes ready, and the image's own HEALTHCHECK command says so. Only the ports differ: the container's are its own.
/// </summary>
public sealed class ContainerImageTests : IDisposable
{
    private const int ImagePort = 8080;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly TempDirectory _app = new();

    [Fact]
    public async Task The_server_starts_from_the_images_entry_point_and_settings_and_passes_its_health_check()
    {
        var checkout = Repository.Root;
        var image = ContainerImage.Parse(await File.ReadAllTextAsync(Path.Combine(checkout, "Dockerfile"), TestContext.Current.CancellationToken));
        Assert.Equal("/app", image.WorkDir);
        Assert.Equal(["dotnet", "CiExercise.Server.dll"], image.EntryPoint);
        LinkTree(BuiltServer(checkout), _app.Path);
        var consoles = Path.Combine(checkout, "src", "CiExercise.Server", "wwwroot");
        if (Directory.Exists(consoles)) LinkTree(consoles, Path.Combine(_app.Path, "wwwroot"));
        CopyTree(Path.Combine(checkout, "scenarios"), Path.Combine(_app.Path, "scenarios"));

        var port = ServerFactory.FreePort();
        var start = new ProcessStartInfo(image.EntryPoint[0]) { WorkingDirectory = _app.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in image.EntryPoint.Skip(1)) start.ArgumentList.Add(argument);
        foreach (var (key, value) in image.Environment) start.Environment[key] = value.Replace($":{ImagePort}", $":{port}", StringComparison.Ordinal);
        start.Environment["Orleans__SiloPort"] = ServerFactory.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Orleans__GatewayPort"] = ServerFactory.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($":{port}", start.Environment["Urls"], StringComparison.Ordinal);

        var output = new StringBuilder();
        using var server = Process.Start(start)!;
        server.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        server.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            var ready = await ReadyAsync(http, server, output);
            Assert.True(ready == 200, $"The server exited before it was ready:\n{Text(output)}");

            var check = new ProcessStartInfo(image.HealthCheck[0]) { RedirectStandardError = true };
            foreach (var argument in image.HealthCheck.Skip(1))
                check.ArgumentList.Add(argument.Replace($"/{ImagePort}", $"/{port}", StringComparison.Ordinal));
            using var healthCheck = Process.Start(check)!;
            await healthCheck.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            Assert.True(healthCheck.ExitCode == 0, $"The image's HEALTHCHECK failed: {await healthCheck.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken)}");

            // Relative paths resolve in the working folder: the database and the first controller's link in data/, the volume.
            Assert.True(File.Exists(FirstControllerLink.PathIn(Path.Combine(_app.Path, "data"))), Text(output));
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    private static async Task<int> ReadyAsync(HttpClient http, Process server, StringBuilder output)
    {
        try
        {
            return await Eventually.WaitAsync(() => ReadinessAsync(http, server), status => status is 200 or -1, "the server is ready", StartTimeout);
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"{timeout.Message} Its output:\n{Text(output)}", timeout);
        }
    }

    /// <summary>The readiness status, or -1 once the server has exited.</summary>
    private static async Task<int> ReadinessAsync(HttpClient http, Process server)
    {
        if (server.HasExited) return -1;
        try
        {
            using var response = await http.GetAsync("/health/ready", TestContext.Current.CancellationToken);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0; // not listening yet
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output) return output.ToString();
    }

    /// <summary>The server as this test run built it: the same configuration as the tests (bin/Debug/net10.0 or bin/Release/...).</summary>
    private static string BuiltServer(string checkout)
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return Path.Combine(checkout, "src", "CiExercise.Server", "bin", framework.Parent!.Name, framework.Name);
    }

    /// <summary>The built files linked into the working folder, as the image copies them to /app (links: the build is 100 MB).</summary>
    private static void LinkTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from)) File.CreateSymbolicLink(Path.Combine(to, Path.GetFileName(file)), file);
        foreach (var dir in Directory.EnumerateDirectories(from)) LinkTree(dir, Path.Combine(to, Path.GetFileName(dir)));
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.EnumerateDirectories(from)) CopyTree(dir, Path.Combine(to, Path.GetFileName(dir)));
    }

    public void Dispose() => _app.Dispose();
}
