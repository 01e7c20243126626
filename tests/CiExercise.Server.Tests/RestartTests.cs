using System.Text.Json;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;
using CiExercise.Server.Tests.Infrastructure;

namespace CiExercise.Server.Tests;

/// <summary>
/// The whole server stops mid-exercise and starts again on the same SQLite file: the exercise resumes on
/// its own, and the injects that fell due while it was down are delivered once each, marked late.
/// </summary>
public sealed class RestartTests : IDisposable
{
    // The engine's own tolerance is seconds; a small one keeps "late" unambiguous without a long wait.
    private static readonly Dictionary<string, string?> Settings = new() { ["Engine:LateAfter"] = "00:00:00.200" };

    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Injects_due_while_the_server_was_down_are_delivered_once_and_late()
    {
        var overdue = TestScenario.Injects[1..3];
        string id;
        DateTimeOffset[] dueAt;
        DateTimeOffset stoppedAt;
        await using (var first = new ServerFactory(_directory.Path, Settings))
        {
            var api = await first.SignInAsync(TestPrincipals.ControllerOfAll);
            id = (await api.CreateExerciseAsync()).Id;
            await api.CommandAsync(id, "start");
            // At speed 75 the two next injects fall due 8 and 16 seconds from now, while the server is down;
            // stopping takes a second or two, so the margin holds on a loaded machine too.
            var clock = (await api.CommandAsync(id, "speed", new { speed = 75 })).Clock;
            dueAt = overdue.Select(i => clock.WallTime + (i.At - clock.ScenarioElapsed) / clock.Speed).ToArray();
            Assert.All(ApiClient.Deliveries(await api.EventsAsync(id)), d => Assert.Equal("i1-alert", d.InjectId));
        }
        stoppedAt = DateTimeOffset.UtcNow;
        Assert.True(stoppedAt < dueAt[0], $"the server must be down before {overdue[0].Id} is due (stopped {stoppedAt:O}, due {dueAt[0]:O})");

        await Eventually.PassAsync(dueAt[^1] + TimeSpan.FromMilliseconds(500));

        var restartedAt = DateTimeOffset.UtcNow;
        await using var second = new ServerFactory(_directory.Path, Settings);
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
            Assert.True(fired.Lateness >= restartedAt - dueAt[i] - TimeSpan.FromMilliseconds(50),
                $"{injectId} lateness {fired.Lateness} is less than the downtime after its due moment ({restartedAt - dueAt[i]})");
            Assert.All(events.Where(e => e.Kind == EventKind.InjectDelivered && e.InjectId == injectId),
                e => Assert.True(e.Payload.GetProperty("late").GetBoolean()));
        }

        var view = await restarted.ExerciseAsync(id);
        Assert.Equal(ExerciseStatus.Running, view.Status);
        Assert.All(view.Injects.Where(s => overdue.Any(o => o.Id == s.Inject.Id)), s => Assert.True(s.Late && s.Status == InjectStatus.Fired));
        Assert.True(view.Clock.ScenarioElapsed > overdue[^1].At);
    }

    public void Dispose() => _directory.Dispose();
}
