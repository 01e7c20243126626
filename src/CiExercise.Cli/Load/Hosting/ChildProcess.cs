using System.Diagnostics;

namespace CiExercise.Cli.Load.Hosting;

/// <summary>
/// A process this run started (the server or the bare hub). Its output is read to the end so that a full
/// pipe never stalls it; the last lines are kept for an error message. Disposing kills it and its children.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private const int KeptLines = 40;
    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private readonly Lock _gate = new();
    private readonly Action<string>? _onLine;
    private readonly StreamWriter? _log;

    private ChildProcess(Process process, Action<string>? onLine, string? logPath)
    {
        _process = process;
        _onLine = onLine;
        _log = logPath is null ? null : new StreamWriter(logPath, append: false) { AutoFlush = false };
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts file with arguments; onLine sees every line of standard output; logPath, when given, keeps all its output.</summary>
    public static ChildProcess Start(string file, IEnumerable<string> arguments, Action<string>? onLine, string? workingDirectory = null, string? logPath = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process, onLine, logPath);
        process.OutputDataReceived += (_, e) => child.Line(e.Data, stdout: true);
        process.ErrorDataReceived += (_, e) => child.Line(e.Data, stdout: false);
        if (!process.Start()) throw new LoadException($"Could not start {file}.");
        ChildProcesses.Track(child);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>
    /// Waits until ready completes (a line it printed); kills it and says why when it exits first or takes
    /// longer than timeout.
    /// </summary>
    public async Task<T> WaitAsync<T>(Task<T> ready, string what, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            while (!ready.IsCompleted)
            {
                if (HasExited) throw new LoadException($"{what} exited before it was ready. Its last lines:{Environment.NewLine}{Tail()}");
                // Polls for an exit the output would not show; ends within the timeout.
                await Task.WhenAny(ready, Task.Delay(200, wait.Token));
                wait.Token.ThrowIfCancellationRequested();
            }
            return await ready;
        }
        catch (Exception error)
        {
            await DisposeAsync();
            if (error is LoadException) throw;
            cancellationToken.ThrowIfCancellationRequested();
            throw new LoadException($"{what} was not ready within {timeout.TotalSeconds} s. Its last lines:{Environment.NewLine}{Tail()}", error);
        }
    }

    /// <summary>The last lines it wrote, for a message saying why it failed.</summary>
    public string Tail()
    {
        lock (_gate) return string.Join(Environment.NewLine, _tail);
    }

    public void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            // Killed but not reaped in time; the OS reaps it when this process ends.
        }
        ChildProcesses.Forget(this);
        _process.Dispose();
        lock (_gate) _log?.Dispose();
    }

    private void Line(string? line, bool stdout)
    {
        if (line is null) return;
        lock (_gate)
        {
            _log?.WriteLine(line);
            _tail.Enqueue(line);
            if (_tail.Count > KeptLines) _tail.Dequeue();
        }
        if (stdout) _onLine?.Invoke(line);
    }
}
