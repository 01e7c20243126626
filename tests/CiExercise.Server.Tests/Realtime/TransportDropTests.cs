using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using CiExercise.Client;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Ports;
using CiExercise.Server.Identity;
using CiExercise.Server.Realtime;
using CiExercise.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.Extensions.DependencyInjection;

namespace CiExercise.Server.Tests.Realtime;

/// <summary>
/// Invariant 3 under a real network failure: the server cuts a console's socket (Kestrel on loopback, since
/// the test server has no socket to cut) while events keep coming, again and again; the console reconnects
/// on its own and is handed every seq exactly once.
/// </summary>
public sealed class TransportDropTests : IDisposable
{
    private const int Messages = 150;
    private const int Drops = 3;

    private readonly TempDirectory _directory = new();
    private readonly SemaphoreSlim _connected = new(0);

    [Fact]
    public async Task A_console_whose_socket_the_server_cuts_misses_nothing_and_repeats_nothing()
    {
        await using var factory = new ServerFactory(_directory.Path);
        var port = FreePort();
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        factory.StartServer();
        var hub = new HubHarness(factory);
        var id = await hub.CreateExerciseAsync();
        var token = (await hub.IssueAsync(PrincipalKind.Controller, id)).Token;
        await using var console = ExerciseConnection.Create(new Uri($"http://127.0.0.1:{port}"), () => Task.FromResult<string?>(token),
            configure: options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                // Signals each socket the console opens, to see that each cut was a real one; token in the query as browsers do.
                // An attempt that fails on a busy machine is retried and does not count, so the test waits for sockets, not a count.
                options.WebSocketFactory = async (context, cancellationToken) =>
                {
                    var socket = new ClientWebSocket();
                    await socket.ConnectAsync(new Uri($"{context.Uri}&access_token={Uri.EscapeDataString(token)}"), cancellationToken);
                    _connected.Release();
                    return socket;
                };
            });
        var events = new EventCollector(console);
        await console.StartAsync(TestContext.Current.CancellationToken).WaitAsync(HubHarness.Timeout, TestContext.Current.CancellationToken);
        Assert.True(await _connected.WaitAsync(HubHarness.Timeout, TestContext.Current.CancellationToken), "the first socket");
        await console.Subscribe(id, 0).WaitAsync(HubHarness.Timeout, TestContext.Current.CancellationToken);
        await hub.Exercise(id).Start(HubHarness.Control);

        // Bank tells power, as fast as the grain takes it: two events a message, while the socket is cut.
        var bank = factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IOrganizationGrain>(OrganizationKey.Of(id, "bank"));
        var actor = TestPrincipals.Participant(id, "bank", "staff").ToActor();
        var producer = Task.Run(async () =>
        {
            for (var i = 0; i < Messages; i++)
                await bank.SendMessage(actor, new OutgoingMessage(["power"], $"status {i}", "still isolating", null, null), $"m-{i}");
        }, TestContext.Current.CancellationToken);

        var connections = factory.Services.GetRequiredService<HubConnections>();
        for (var drop = 1; drop <= Drops; drop++)
        {
            var seen = events.Snapshot().Count;
            await events.WaitForAsync(e => e.Count > seen + 10, $"events flow before drop {drop}");
            Assert.True(connections.Abort(console.ConnectionId!), $"drop {drop}: the server knows the connection");
            Assert.True(await _connected.WaitAsync(HubHarness.Timeout, TestContext.Current.CancellationToken), $"drop {drop}: the console opens a new socket");
        }

        await producer.WaitAsync(HubHarness.Timeout, TestContext.Current.CancellationToken);
        var total = (await factory.Services.GetRequiredService<IEventLog>().ReadAsync(id, 0, 10_000, TestContext.Current.CancellationToken))[^1].Seq;
        var all = await events.WaitForAsync(e => e.Count > 0 && e[^1].Seq >= total, "the console reaches the end of the log");
        Assert.Equal(Enumerable.Range(1, (int)total).Select(i => (long)i), all.Select(e => e.Seq));
        Assert.NotEqual(ExerciseConnectionState.Closed, console.State);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _connected.Dispose();
        _directory.Dispose();
    }
}
