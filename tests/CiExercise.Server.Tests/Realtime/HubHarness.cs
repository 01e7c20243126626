using CiExercise.Client;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;
using CiExercise.Server.Identity;
using CiExercise.Server.Scenarios;
using CiExercise.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CiExercise.Server.Tests.Realtime;

/// <summary>The real server and real hub clients: exercises driven through grains, consoles through ExerciseConnection.</summary>
internal sealed class HubHarness(WebApplicationFactory<Program> factory)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static readonly Actor Control = Actor.Controller("test-control");

    public IServiceProvider Services => factory.Services;

    public IExerciseGrain Exercise(string id) => Services.GetRequiredService<IGrainFactory>().GetGrain<IExerciseGrain>(id);

    public async Task<string> CreateExerciseAsync()
    {
        var scenario = Services.GetRequiredService<ScenarioLibraryState>().Find(TestScenario.Id)!.Scenario;
        var id = ApiClient.NewId();
        await Exercise(id).Create("hub test", scenario, Control);
        return id;
    }

    public async Task<IssuedLink> IssueAsync(PrincipalKind kind, string? exerciseId, string? org = null, string? role = null, TimeSpan? lifetime = null) =>
        await Services.GetRequiredService<JoinLinkService>().IssueAsync(
            new ExercisePrincipal(kind, exerciseId, org, role, $"{kind}-{org}-{role}", null), lifetime ?? TimeSpan.FromHours(1), "test",
            TestContext.Current.CancellationToken);

    /// <summary>A started connection through the test server: long polling, or WebSockets carrying the token in the query as browsers do.</summary>
    public async Task<ExerciseConnection> ConnectAsync(string token, bool webSockets = false)
    {
        var connection = ExerciseConnection.Create(factory.Server.BaseAddress, () => Task.FromResult<string?>(token),
            factory.Server.CreateHandler, options =>
            {
                options.Transports = webSockets ? HttpTransportType.WebSockets : HttpTransportType.LongPolling;
                options.WebSocketFactory = async (context, cancellationToken) =>
                    await factory.Server.CreateWebSocketClient().ConnectAsync(new Uri($"{context.Uri}&access_token={Uri.EscapeDataString(token)}"), cancellationToken);
            });
        await connection.StartAsync(TestContext.Current.CancellationToken).WaitAsync(Timeout);
        return connection;
    }

    public async Task<(ExerciseConnection Connection, EventCollector Events)> SubscribeAsync(
        string token, string exerciseId, long afterSeq = 0, bool webSockets = false)
    {
        var connection = await ConnectAsync(token, webSockets);
        var events = new EventCollector(connection);
        await connection.Subscribe(exerciseId, afterSeq).WaitAsync(Timeout);
        return (connection, events);
    }
}
