using CiExercise.Cli.Rehearsal.Hosting;
using CiExercise.Cli.Rehearsal.Participants;
using CiExercise.Cli.Rehearsal.Report;
using CiExercise.Client;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Ports;
using CiExercise.Contracts.Scenarios;
using CiExercise.Review;
using CiExercise.Server.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CiExercise.Cli.Rehearsal;

/// <summary>
/// Plays a scenario end to end in this process: the real server, one team of simulated participants per organization
/// the control cell does not play, and a virtual clock. The clock moves from one due moment to the next (the
/// exercise's wake-up or a participant's next action), and only once everything is settled: every console has seen
/// every event it may see and the engine has stopped writing. So the same seed plays the same exercise.
/// </summary>
public sealed class Rehearsal(Scenario scenario, RehearsalOptions options, Action<RehearsalProgress>? progress = null)
{
    public const string ExerciseId = "rehearsal";
    private const int PageSize = 1000;
    private static readonly Actor Control = Actor.Controller("rehearsal");

    private readonly List<ExerciseEvent> _events = [];
    private readonly List<SimulatedConsole> _consoles = [];
    private readonly Agenda _agenda = new();

    public async Task<RehearsalReport> RunAsync(CancellationToken cancellationToken)
    {
        await using var host = await RehearsalHost.StartAsync(cancellationToken);
        var exercise = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IExerciseGrain>(ExerciseId);
        var log = host.Services.GetRequiredService<IEventLog>();
        var play = new RehearsalPlay(options.Participants, new Draws(options.Seed), _agenda);
        var end = RehearsalReports.EndOf(scenario);
        try
        {
            await exercise.Create($"Rehearsal of {scenario.Id}", scenario, Control);
            await exercise.SetSpeed(Control, options.Speed);
            await ConnectTeamsAsync(host, play, end, cancellationToken);
            var startedAt = host.Clock.GetUtcNow();
            await exercise.Start(Control);
            var endAt = MselRunner.WallTime(startedAt, end, options.Speed);

            while (true)
            {
                await SettleAsync(host, exercise, log, cancellationToken);
                progress?.Invoke(new RehearsalProgress(ScenarioAt(host.Clock.GetUtcNow(), startedAt), end, _events.Count));
                var next = Earliest(host.Wakeups.Next(ExerciseId), _agenda.Next);
                if (next is not { } at || at > endAt) break;
                host.Clock.SetUtcNow(at);
            }
            if (host.Clock.GetUtcNow() < endAt) host.Clock.SetUtcNow(endAt);
            await SettleAsync(host, exercise, log, cancellationToken);
            await exercise.End(Control);
            await SettleAsync(host, exercise, log, cancellationToken);
            progress?.Invoke(new RehearsalProgress(end, end, _events.Count));

            var review = await host.Services.GetRequiredService<IExerciseReviews>().GetAsync(ExerciseId, cancellationToken);
            return RehearsalReports.Compile(scenario, options, end, _events, await exercise.GetView(), review, play.RefusedActions);
        }
        finally
        {
            foreach (var console in _consoles) await console.DisposeAsync();
        }
    }

    private async Task ConnectTeamsAsync(RehearsalHost host, RehearsalPlay play, TimeSpan end, CancellationToken cancellationToken)
    {
        var links = host.Services.GetRequiredService<JoinLinkService>();
        // Signed for the whole rehearsal in virtual time, and a day more: a console is closed when its token expires.
        var lifetime = TimeSpan.FromTicks((long)(end.Ticks / options.Speed)) + TimeSpan.FromDays(1);
        var index = 0;
        foreach (var organization in scenario.Organizations.Where(o => !o.Simulated && o.Roles.Count > 0))
        {
            var team = new Team(scenario, organization, index++, play);
            foreach (var role in organization.Roles)
            {
                var principal = new ExercisePrincipal(PrincipalKind.Participant, ExerciseId, organization.Id, role, $"{organization.Id}-{role}", null);
                var token = (await links.IssueAsync(principal, lifetime, "rehearsal", cancellationToken)).Token;
                var console = new SimulatedConsole(principal, ExerciseConnection.Create(host.Address, () => Task.FromResult<string?>(token)));
                _consoles.Add(console);
                team.Add(role, console);
                await console.StartAsync(ExerciseId, team.Handle, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Runs what is due now (the exercise's wake-up, then the participants' actions, one at a time in agenda order) until
    /// nothing is: every console has handled every event it may see, the exercise grain has taken every notice queued
    /// before (a read of its view waits behind them), and the log has not grown meanwhile.
    /// </summary>
    private async Task SettleAsync(RehearsalHost host, IExerciseGrain exercise, IEventLog log, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var last = await ReadOnAsync(log, cancellationToken);
            foreach (var console in _consoles) await console.WaitForVisibleAsync(options.SettleTimeout, cancellationToken);
            await exercise.GetView();
            var now = host.Clock.GetUtcNow();
            if (host.Wakeups.TakeDue(ExerciseId, now))
            {
                await exercise.FireDue();
                continue;
            }
            if (_agenda.TakeDue(now) is { } action)
            {
                await action.Run();
                continue;
            }
            if (await log.ReadLastSeqAsync(ExerciseId, cancellationToken) == last) return;
        }
    }

    /// <summary>Reads the log on from where it was read, telling each console what it must see; returns the last seq.</summary>
    private async Task<long> ReadOnAsync(IEventLog log, CancellationToken cancellationToken)
    {
        while (true)
        {
            var after = _events.Count == 0 ? 0 : _events[^1].Seq;
            var page = await log.ReadAsync(ExerciseId, after, PageSize, cancellationToken);
            if (page.Count == 0) return after;
            foreach (var e in page)
            {
                _events.Add(e);
                foreach (var console in _consoles) console.Recorded(e);
            }
        }
    }

    private TimeSpan ScenarioAt(DateTimeOffset now, DateTimeOffset startedAt) => TimeSpan.FromTicks((long)((now - startedAt).Ticks * options.Speed));

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;
}

/// <summary>How far a rehearsal has come, in scenario time, for a progress bar.</summary>
public sealed record RehearsalProgress(TimeSpan At, TimeSpan End, int Events);
