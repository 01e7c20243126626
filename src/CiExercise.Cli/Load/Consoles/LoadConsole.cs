using System.Net.Http.Headers;
using System.Net.Http.Json;
using CiExercise.Cli.Load.Scenario;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CiExercise.Cli.Load.Consoles;

/// <summary>
/// One participant's console, doing on the wire what the web console does (ClientApp live.ts and
/// exercise.ts): read the view and the directory, connect, Subscribe after the resume point (README "Live
/// consoles and the hub": the last Replayed/CaughtUp mark, or a live event after CaughtUp), keep each event once, subscribe again after every reconnect, and fetch the view again when a
/// delivery arrives for an inject it has no text for. Then the participant acts (LoadConsole.Actions.cs).
/// </summary>
public sealed partial class LoadConsole : IKeptEvents, IAsyncDisposable
{
    private static readonly TimeSpan RestartDelay = TimeSpan.FromSeconds(2);
    private readonly Seat _seat;
    private readonly IReadOnlyList<Seat> _organization;
    private readonly ConsoleTarget _target;
    private readonly string _token;
    private readonly FleetMetrics _metrics;
    private readonly ActionPlan _plan;
    private readonly CancellationToken _stop;
    private readonly HubConnection _hub;
    private readonly Lock _gate = new();
    private TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _stopping;
    private volatile bool _catchingUp;

    public LoadConsole(Seat seat, IReadOnlyList<Seat> organization, ConsoleTarget target, string token, FleetMetrics metrics,
        ActionPlan plan, CancellationToken stop)
    {
        (_seat, _organization, _target, _token, _metrics, _plan, _stop) = (seat, organization, target, token, metrics, plan, stop);
        _hub = new HubConnectionBuilder()
            .WithUrl(target.HubUrl(seat), options => options.AccessTokenProvider = () => Task.FromResult<string?>(_token))
            .WithAutomaticReconnect(new WebConsoleRetry(stop))
            .WithStatefulReconnect()
            .AddJsonProtocol(options => ScenarioJson.Configure(options.PayloadSerializerOptions))
            .Build();
        _hub.On<LoadEvent>("Event", OnEvent);
        _hub.On<string, long>("CaughtUp", (_, last) => OnReplayed(last, caughtUp: true));
        _hub.On<string, long>("Replayed", (_, through) => OnReplayed(through, caughtUp: false));
        _hub.On<string>("Closing", reason => { _stopping = true; _ = _hub.StopAsync(); });
        _hub.Reconnected += async _ =>
        {
            Interlocked.Increment(ref _metrics.Reconnects);
            await SubscribeAsync();
        };
        _hub.Closed += failure =>
        {
            Interlocked.Increment(ref _metrics.Closes);
            if (!_stopping) _ = RestartLaterAsync();
            return Task.CompletedTask;
        };
    }

    public Seat Seat => _seat;

    public bool Subscribed => _ready.Task.IsCompletedSuccessfully;

    /// <summary>The first load: view and directory over HTTP (product only), then the hub and the subscription.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        if (_target.Product)
        {
            var directory = GetAsync<System.Text.Json.JsonElement>("directory", cancellationToken);
            UseView(await GetAsync<ExerciseView>("", cancellationToken));
            await directory;
        }
        await StartAsync(cancellationToken);
    }

    /// <summary>The storm's first half: this console's connection goes away, as when an office network drops.</summary>
    public async Task DropAsync()
    {
        _stopping = true;
        lock (_gate) _ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _hub.StopAsync(CancellationToken.None);
    }

    /// <summary>The storm's second half: connect and subscribe after the last seen, retrying as the web console does; returns when caught up.</summary>
    public async Task RejoinAsync(DateTimeOffset droppedAt, CancellationToken cancellationToken)
    {
        _stopping = false;
        _catchingUp = true;
        try
        {
            await StartAsync(cancellationToken);
            _metrics.StormCatchUp.Add(DateTimeOffset.UtcNow - droppedAt);
        }
        finally
        {
            _catchingUp = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        await _hub.DisposeAsync();
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        // Bounded by cancellationToken: the phase's timeout or the run's end. A console that cannot get back
        // keeps trying as a person reloading the page would; the figures and the check show it.
        while (true)
        {
            try
            {
                if (_hub.State == HubConnectionState.Disconnected) await _hub.StartAsync(cancellationToken);
                if (_hub.State == HubConnectionState.Connected && await SubscribeAsync()) return;
            }
            catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
            {
                _metrics.Failed("connect", failure);
                Interlocked.Increment(ref _metrics.ConnectFailures);
            }
            await Task.Delay(RestartDelay, cancellationToken);
        }
    }

    private async Task<bool> SubscribeAsync()
    {
        try
        {
            await _hub.InvokeAsync<long>("Subscribe", _target.ExerciseId, BeginReplay(), _stop);
            lock (_gate) _ready.TrySetResult();
            return true;
        }
        catch (Exception failure) when (!_stop.IsCancellationRequested)
        {
            _metrics.Failed("Subscribe", failure);
            Interlocked.Increment(ref _metrics.ConnectFailures);
            return false;
        }
    }

    private async Task RestartLaterAsync()
    {
        try
        {
            await Task.Delay(RestartDelay, _stop);
            if (!_stopping && _hub.State == HubConnectionState.Disconnected) await StartAsync(_stop);
        }
        catch (Exception)
        {
            // The run is over, or this console could not come back; the exactly-once check will show it.
        }
    }

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/exercises/{_target.ExerciseId}/{path}".TrimEnd('/'));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        using var response = await _target.Http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<T>(ScenarioJson.Options, cancellationToken))!;
    }
}
