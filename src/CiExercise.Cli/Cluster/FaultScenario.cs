using CiExercise.Cli.Load;
using CiExercise.Cli.Load.Scenario;

namespace CiExercise.Cli.Cluster;

/// <summary>
/// The scenario one fault plays: the load test's generated national exercise, small, at one minute of story per
/// wall second, with injects every few wall seconds from STARTEX to 90 % of its length, so that some fall due
/// during the fault and some after it.
/// </summary>
public sealed record FaultScenario(string Id, TimeSpan Play, int Injects)
{
    public const double Speed = 60;

    /// <summary>About one inject every three wall seconds.</summary>
    public static FaultScenario For(string fault, TimeSpan play) => new($"faults-{fault}", play, Math.Max(4, (int)(play.TotalSeconds * 0.85 / 3)));

    /// <summary>When inject i (1-based, after STARTEX) falls due, as wall time after the start (LoadInjects spreads them so).</summary>
    public TimeSpan DueAfterStart(int i) => Play * (0.05 + 0.85 * i / Injects);

    public async Task WriteAsync(string folder, int organizations, CancellationToken cancellationToken)
    {
        var options = new LoadOptions { Organizations = organizations, Participants = 1, Speed = Speed, Duration = Play, Injects = Injects };
        var (yaml, _) = LoadScenarioWriter.Generate(options, Id);
        await File.WriteAllTextAsync(Path.Combine(folder, $"{Id}.yaml"), yaml, cancellationToken);
    }
}
