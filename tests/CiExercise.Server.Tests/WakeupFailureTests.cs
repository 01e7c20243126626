using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Ports;
using CiExercise.Scheduling;
using CiExercise.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CiExercise.Server.Tests;

/// <summary>
/// Quartz refusing a wake-up (its store busy or away) after a command's event is durable: the command is
/// answered as made, and the next inject still fires, from the grain's retry or its fallback timer.
/// </summary>
public sealed class WakeupFailureTests : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly ServerFactory _server;

    public WakeupFailureTests() =>
        _server = new ServerFactory(_directory.Path, configureServices: services => services
            .AddSingleton<QuartzWakeupScheduler>()
            .Replace(ServiceDescriptor.Singleton<IWakeupScheduler>(sp => new FailingFirst(sp.GetRequiredService<QuartzWakeupScheduler>()))));

    [Fact]
    public async Task A_start_whose_wakeup_fails_answers_success_and_the_injects_still_fire()
    {
        var api = await _server.SignInAsync(TestPrincipals.ControllerOfAll);
        var id = (await api.CreateExerciseAsync()).Id;
        await api.CommandAsync(id, "speed", new { speed = 3600 });

        var started = await api.CommandAsync(id, "start");

        Assert.Equal(ExerciseStatus.Running, started.Status);
        await api.WaitForExerciseAsync(id, v => v.Injects.All(i => i.Status == InjectStatus.Fired), "every inject has fired");
        var deliveries = ApiClient.Deliveries(await api.EventsAsync(id)).ToArray();
        Assert.Equal(TestScenario.Injects.Sum(i => i.To.Length), deliveries.Length);
        Assert.Equal(deliveries.Length, deliveries.Distinct().Count());
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _directory.Dispose();
    }

    /// <summary>Quartz, except that its first call fails.</summary>
    private sealed class FailingFirst(IWakeupScheduler inner) : IWakeupScheduler
    {
        private int _calls;

        public Task ScheduleAsync(string exerciseId, DateTimeOffset dueAt, CancellationToken cancellationToken = default) =>
            Interlocked.Increment(ref _calls) == 1 ? Fail() : inner.ScheduleAsync(exerciseId, dueAt, cancellationToken);

        public Task CancelAsync(string exerciseId, CancellationToken cancellationToken = default) =>
            Interlocked.Increment(ref _calls) == 1 ? Fail() : inner.CancelAsync(exerciseId, cancellationToken);

        private static Task Fail() => Task.FromException(new InvalidOperationException("The scheduler's store is unavailable (test)."));
    }
}
