using System.Text.Json;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;
using CiExercise.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CiExercise.Server.Tests;

/// <summary>
/// The whole server stops mid-exercise and starts again on the same SQLite file: the exercise resumes on
/// its own, and the injects that fell due while it was down are delivered once each, marked late. Both
/// servers run on one FakeTimeProvider, so the downtime is exactly what the test says, however long the
/// machine takes to stop and start them.
/// </summary>
public sealed class RestartTests : IDisposable
{
    // Speed 75: i2 and i3 fall due 8 and 16 seconds after the start. The downtime stays within the bearer
    // tokens' 30-second clock skew, which the token handler checks on the wall clock, not on the server's.
    private const double Speed = 75;
    private static readonly TimeSpan Downtime = TimeSpan.FromSeconds(20);

    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    private ServerFactory Server() =>
        new(_directory.Path, configureServices: services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_time)));

    [Fact]
    public async Task Injects_due_while_the_server_was_down_are_delivered_once_and_late()
    {
        var overdue = TestScenario.Injects[1..3];
        string id;
        DateTimeOffset[] dueAt;
        await using (var first = Server())
        {
            var api = await first.SignInAsync(TestPrincipals.ControllerOfAll);
            id = (await api.CreateExerciseAsync()).Id;
            await api.CommandAsync(id, "speed", new { speed = Speed });
            var clock = (await api.CommandAsync(id, "start")).Clock;
            dueAt = overdue.Select(i => clock.WallTime + (i.At - clock.ScenarioElapsed) / clock.Speed).ToArray();
            Assert.All(ApiClient.Deliveries(await api.EventsAsync(id)), d => Assert.Equal("i1-alert", d.InjectId));
        }

        _time.Advance(Downtime);
        var restartedAt = _time.GetUtcNow();
        await using var second = Server();
        var restarted = await second.SignInAsync(TestPrincipals.ControllerOfAll);
        // The event log is read straight from storage: waiting on it does not wake the exercise itself.
        var events = await Eventually.WaitAsync(() => restarted.EventsAsync(id),
            log => overdue.All(i => i.To.All(org => ApiClient.Deliveries(log).Contains((i.Id, org)))),
            "the overdue injects are delivered after the restart");

        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Seq));
        var deliveries = ApiClient.Deliveries(events).ToArray();
        Assert.Equal(deliveries.Length, deliveries.Distinct().Count());
        for (var i = 0; i < overdue.Length; i++)
        {
            var (injectId, _, to) = overdue[i];
            Assert.Equal(to.Order(), deliveries.Where(d => d.InjectId == injectId).Select(d => d.OrganizationId).Order());
            var fired = JsonSerializer.Deserialize<CiExercise.Contracts.Events.Payloads.InjectFiredPayload>(
                events.Single(e => e.Kind == EventKind.InjectFired && e.InjectId == injectId).Payload,
                CiExercise.Contracts.Scenarios.ScenarioJson.Options)!;
            Assert.True(fired.Late, $"{injectId} must be marked late");
            Assert.Equal(restartedAt - dueAt[i], fired.Lateness);
            Assert.All(events.Where(e => e.Kind == EventKind.InjectDelivered && e.InjectId == injectId),
                e => Assert.True(e.Payload.GetProperty("late").GetBoolean()));
        }

        var view = await restarted.ExerciseAsync(id);
        Assert.Equal(ExerciseStatus.Running, view.Status);
        Assert.All(view.Injects.Where(s => overdue.Any(o => o.Id == s.Inject.Id)), s => Assert.True(s.Late && s.Status == InjectStatus.Fired));
        Assert.Equal(Downtime * Speed, view.Clock.ScenarioElapsed);
        Assert.Equal(InjectStatus.Pending, view.Injects.Single(s => s.Inject.Id == TestScenario.Injects[3].Id).Status);
    }

    public void Dispose() => _directory.Dispose();
}
