using CiExercise.Contracts.Exercises;
using CiExercise.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CiExercise.Server.Tests;

/// <summary>
/// A paused exercise delivers nothing, however long the pause, and resume continues it. The server runs on a
/// FakeTimeProvider: the test moves the clock past the moment the next inject would have been due, and fires
/// the wake-up itself as Quartz would, so no margin of wall time is involved.
/// </summary>
public sealed class PauseTests : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly ServerFactory _server;

    public PauseTests() =>
        _server = new ServerFactory(_directory.Path, configureServices: services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_time)));

    private Task FireWakeup(string id) => _server.Services.GetRequiredService<IGrainFactory>().GetGrain<IExerciseGrain>(id).FireDue();

    [Fact]
    public async Task Pause_stops_delivery_and_resume_continues_it()
    {
        var api = await _server.SignInAsync(TestPrincipals.ControllerOfAll);
        var id = (await api.CreateExerciseAsync()).Id;
        await api.CommandAsync(id, "speed", new { speed = 240 });
        await api.CommandAsync(id, "start");
        _time.Advance(TimeSpan.FromSeconds(1));
        var paused = await api.CommandAsync(id, "pause");
        var next = TestScenario.Injects[1];
        Assert.Equal(TimeSpan.FromMinutes(4), paused.Clock.ScenarioElapsed);

        // An hour later the second inject would long be due; a wake-up arriving anyway fires nothing.
        _time.Advance(TimeSpan.FromHours(1));
        await FireWakeup(id);
        var still = await api.ExerciseAsync(id);
        Assert.Equal(ExerciseStatus.Paused, still.Status);
        Assert.Equal(paused.Clock.ScenarioElapsed, still.Clock.ScenarioElapsed);
        Assert.Equal(InjectStatus.Pending, still.Injects.Single(i => i.Inject.Id == next.Id).Status);
        Assert.DoesNotContain(ApiClient.Deliveries(await api.EventsAsync(id)), d => d.InjectId == next.Id);

        await api.CommandAsync(id, "resume");
        _time.Advance((next.At - paused.Clock.ScenarioElapsed) / 240);
        await FireWakeup(id);
        var resumed = await api.ExerciseAsync(id);
        Assert.Equal(InjectStatus.Fired, resumed.Injects.Single(i => i.Inject.Id == next.Id).Status);
        Assert.False(resumed.Injects.Single(i => i.Inject.Id == next.Id).Late);
        Assert.Equal(next.To.Order(), ApiClient.Deliveries(await api.EventsAsync(id)).Where(d => d.InjectId == next.Id).Select(d => d.OrganizationId).Order());
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _directory.Dispose();
    }
}
