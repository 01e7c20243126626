using System.Text.Json;
using CiExercise.Client.Hub;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Ports;
using CiExercise.Server.Identity;
using CiExercise.Server.Realtime;
using CiExercise.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CiExercise.Server.Tests.Realtime;

/// <summary>
/// The hub's side of the resubscribe rule: after each full page of a replay, Replayed says up to which seq
/// everything has been sent, so a client cut in the middle of a long replay resumes from there, not from the start.
/// </summary>
public sealed class ReplayProgressTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task A_long_replay_marks_each_full_page_after_sending_every_event_up_to_it()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var factory = new ServerFactory(_directory.Path);
        var hub = new HubHarness(factory);
        var id = await hub.CreateExerciseAsync();
        await hub.Exercise(id).Start(HubHarness.Control);
        // Two rows a message: more than two pages of the log.
        var bank = factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IOrganizationGrain>(OrganizationKey.Of(id, "bank"));
        var actor = TestPrincipals.Participant(id, "bank", "staff").ToActor();
        for (var i = 0; i < ExerciseHub.ReplayPageSize; i++)
            await bank.SendMessage(actor, new OutgoingMessage(["power"], $"status {i}", "still isolating", null, null), null);
        var total = (await factory.Services.GetRequiredService<IEventLog>().ReadAsync(id, 0, 10_000, cancel))[^1].Seq;

        // A bare SignalR connection, to see the hub's calls in the order they come.
        var token = (await hub.IssueAsync(PrincipalKind.Controller, id)).Token;
        await using var raw = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, HubRoutes.Exercise), options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                options.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        var received = new HashSet<long>();
        var marks = new List<long>();
        var missingAtMark = 0;
        var caughtUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        raw.On<JsonElement>(nameof(IExerciseHubClient.Event), e => { lock (received) received.Add(e.GetProperty("seq").GetInt64()); });
        raw.On<string, long>(nameof(IExerciseHubClient.Replayed), (_, through) =>
        {
            // A handler's exception is only logged, so count what is missing and assert after.
            lock (received)
            {
                missingAtMark += Enumerable.Range(1, (int)through).Count(seq => !received.Contains(seq));
                marks.Add(through);
            }
        });
        raw.On<string, long>(nameof(IExerciseHubClient.CaughtUp), (_, _) => caughtUp.TrySetResult());
        await raw.StartAsync(cancel);
        await raw.InvokeAsync<long>(nameof(IExerciseHub.Subscribe), id, 0L, cancel);
        await caughtUp.Task.WaitAsync(HubHarness.Timeout, cancel);

        // A controller sees every row, so the pages end at 500, 1000, ...; each mark came after all events up to it.
        lock (received) Assert.Equal(0, missingAtMark);
        lock (received) Assert.Equal(Enumerable.Range(1, (int)(total / ExerciseHub.ReplayPageSize)).Select(k => (long)k * ExerciseHub.ReplayPageSize), marks);
    }

    public void Dispose() => _directory.Dispose();
}
