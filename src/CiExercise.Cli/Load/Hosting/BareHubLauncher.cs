namespace CiExercise.Cli.Load.Hosting;

/// <summary>Starts `ciex bare-hub` (this very tool) as a child process, so its memory is measured like the server's.</summary>
public static class BareHubLauncher
{
    public const string ReadyLine = "bare hub listening";

    public sealed record Started(ChildProcess Process, Uri Address);

    public static async Task<Started> StartAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var port = FreePort.Next();
        var ready = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var tool = typeof(BareHubLauncher).Assembly.Location;
        var process = ChildProcess.Start(DotnetHost.Path, [tool, "bare-hub", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            line => { if (line.StartsWith(ReadyLine, StringComparison.Ordinal)) ready.TrySetResult(true); });
        await process.WaitAsync(ready.Task, "The bare hub", timeout, cancellationToken);
        return new Started(process, new Uri($"http://127.0.0.1:{port}/"));
    }
}
