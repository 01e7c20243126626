using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using CiExercise.Client;
using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Ports;
using CiExercise.Contracts.Scenarios;
using CiExercise.Server.Identity;
using CiExercise.Server.Tests.Infrastructure;
using CiExercise.Server.Tests.Realtime;
using CiExercise.Storage.EventLog;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CiExercise.Server.Tests;

/// <summary>
/// The database away (here: every call to the log and the catalog fails as SQLite does when its file is locked;
/// the cluster fault tests stop a real PostgreSQL): actions are refused 503 storage.unavailable with Retry-After
/// over HTTP and with that code on the hub, a grain call fails with <see cref="StorageUnavailableException"/> (the
/// type that crosses silos), /health/ready says the store is down, and the same request sent again once the
/// database is back is recorded once.
/// </summary>
public sealed class StorageOutageTests : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly ServerFactory _server;
    private readonly Outage _outage = new();

    public StorageOutageTests() =>
        _server = new ServerFactory(_directory.Path, configureServices: services => services
            .Replace(ServiceDescriptor.Singleton(sp => _outage.Wrap<IEventLog>(sp.GetRequiredService<SqlEventLog>())))
            .Replace(ServiceDescriptor.Singleton(sp => _outage.Wrap<IExerciseCatalog>(sp.GetRequiredService<CiExercise.Storage.Catalog.SqlExerciseCatalog>()))));

    [Fact]
    public async Task Actions_are_refused_503_with_retry_after_while_the_database_is_away_and_a_resend_is_recorded_once()
    {
        var control = await _server.SignInAsync(TestPrincipals.ControllerOfAll);
        var id = (await control.CreateExerciseAsync()).Id;
        await control.CommandAsync(id, "start");
        var bank = await _server.SignInAsync(TestPrincipals.Participant(id, "bank", "staff"));
        await control.WaitForExerciseAsync(id, v => v.Injects.Any(i => i.Inject.Id == "i1-alert" && i.Status == InjectStatus.Fired), "i1 fired");
        var key = Guid.NewGuid().ToString("D");

        _outage.Down = true;
        using (var refused = await Acknowledge(bank, id, key))
        {
            var problem = await ProblemAssert.ReadAsync(refused, HttpStatusCode.ServiceUnavailable);
            Assert.Equal(StorageUnavailableException.Code, problem.Code);
            Assert.Equal(TimeSpan.FromSeconds(5), refused.Headers.RetryAfter?.Delta);
        }
        using (var pause = await control.PostAsync($"/api/exercises/{id}/pause"))
            Assert.Equal(StorageUnavailableException.Code, (await ProblemAssert.ReadAsync(pause, HttpStatusCode.ServiceUnavailable)).Code);
        using (var ready = await control.Http.GetAsync("/health/ready", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            Assert.Equal("Unhealthy", report.RootElement.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());
        }
        _outage.Down = false;

        using (var again = await Acknowledge(bank, id, key)) Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        using (var replayed = await Acknowledge(bank, id, key)) Assert.Equal("true", replayed.Headers.GetValues("Idempotent-Replayed").Single());
        var events = await control.EventsAsync(id);
        Assert.Single(events, e => e.Kind == EventKind.InjectAcknowledged);
        Assert.Equal(ExerciseStatus.Running, (await control.ExerciseAsync(id)).Status);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Seq));
    }

    [Fact]
    public async Task The_hub_refuses_with_the_storage_code_and_a_grain_call_fails_with_the_type_that_crosses_silos()
    {
        var hub = new HubHarness(_server);
        var id = await hub.CreateExerciseAsync();
        await hub.Exercise(id).Start(HubHarness.Control);
        var token = (await hub.IssueAsync(PrincipalKind.Participant, id, "bank", "staff")).Token;
        await using var console = await hub.ConnectAsync(token);
        var message = new OutgoingMessage(["power"], "Status", "Online banking is down.", null, null);
        var key = Guid.NewGuid().ToString("D");

        _outage.Down = true;
        var refused = await Assert.ThrowsAsync<ExerciseHubException>(() => console.SendMessage(id, message, key));
        var grain = await Assert.ThrowsAsync<StorageUnavailableException>(() => hub.Exercise(id).Pause(HubHarness.Control));
        _outage.Down = false;
        var sent = await console.SendMessage(id, message, key);

        Assert.Equal(StorageUnavailableException.Code, refused.Code);
        Assert.Contains("same idempotency key", grain.Message, StringComparison.Ordinal);
        Assert.False(sent.Duplicate);
        var events = await _server.Services.GetRequiredService<IEventLog>().ReadAsync(id, 0, 1000, TestContext.Current.CancellationToken);
        Assert.Single(events, e => e.Kind == EventKind.MessageSent);
        Assert.DoesNotContain(events, e => e.Kind == EventKind.ExercisePaused);
    }

    private static Task<HttpResponseMessage> Acknowledge(ApiClient participant, string id, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/exercises/{id}/organizations/bank/acknowledgements")
        {
            Content = JsonContent.Create(new { injectId = "i1-alert" }, options: ScenarioJson.Options),
        };
        request.Headers.Add("Idempotency-Key", key);
        return participant.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _directory.Dispose();
    }

    /// <summary>While Down, every call to a wrapped store fails as SQLite does on a locked file, before it reaches the database.</summary>
    private sealed class Outage
    {
        public volatile bool Down;

        public T Wrap<T>(T inner) where T : class
        {
            var proxy = DispatchProxy.Create<T, Switch>();
            ((Switch)(object)proxy).Use(inner, this);
            return proxy;
        }
    }

    public class Switch : DispatchProxy
    {
        private object _inner = null!;
        private Outage _outage = null!;

        internal void Use(object inner, object outage) => (_inner, _outage) = (inner, (Outage)outage);

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            if (_outage.Down)
            {
                var locked = new SqliteException("SQLite Error 5: 'database is locked'.", 5);
                if (method!.ReturnType == typeof(Task)) return Task.FromException(locked);
                if (method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>))
                    return typeof(Task).GetMethod(nameof(Task.FromException), 1, [typeof(Exception)])!
                        .MakeGenericMethod(method.ReturnType.GetGenericArguments()[0]).Invoke(null, [locked]);
                throw locked;
            }
            try
            {
                return method!.Invoke(_inner, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
                throw;
            }
        }
    }
}
