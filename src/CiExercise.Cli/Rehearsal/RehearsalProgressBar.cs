namespace CiExercise.Cli.Rehearsal;

/// <summary>
/// A one-line bar on standard error, redrawn in place as scenario time advances; only on a terminal, where a redrawn
/// line is read and not kept (a redirected error output gets nothing).
/// </summary>
public sealed class RehearsalProgressBar(TextWriter error) : IDisposable
{
    private const int Width = 30;
    private int _drawn = -1;

    public void Show(RehearsalProgress progress)
    {
        var share = progress.End <= TimeSpan.Zero ? 1 : Math.Clamp(progress.At / progress.End, 0, 1);
        var filled = (int)Math.Round(share * Width);
        if (filled == _drawn && share < 1) return;
        _drawn = filled;
        error.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] " +
                    $"{Review.Report.ReportText.Scenario(progress.At)} / {Review.Report.ReportText.Scenario(progress.End)}, {progress.Events} events ");
        error.Flush();
    }

    public void Dispose()
    {
        if (_drawn >= 0) error.WriteLine();
    }
}
