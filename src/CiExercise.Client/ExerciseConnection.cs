using System.Threading.Channels;
using Channel = System.Threading.Channels.Channel;
using CiExercise.Client.Hub;
using CiExercise.Contracts.Scenarios;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CiExercise.Client;

/// <summary>
/// A console's connection to the exercise hub. It reconnects on its own (stateful reconnect first, then a
/// new connection that re-subscribes after the last sequence number the server said was complete: the end of a
/// replay's page or of the replay, or a live event after it), and hands out each
/// exercise's events once each, in sequence order, with nothing missed across a reconnect or a restart of
/// the server: replayed and live events that race each other are merged and duplicates dropped by Seq.
/// </summary>
public sealed partial class ExerciseConnection : IExerciseHub, IAsyncDisposable
{
    private readonly HubConnection _hub;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ExerciseStream> _streams = new(StringComparer.Ordinal);
    private readonly Channel<LiveEvent> _events = Channel.CreateUnbounded<LiveEvent>(new UnboundedChannelOptions { SingleReader = false });
    private ExerciseConnectionState _state;

    private ExerciseConnection(HubConnection hub)
    {
        _hub = hub;
        _hub.On<LiveEvent>(nameof(IExerciseHubClient.Event), OnEvent);
        _hub.On<string, long>(nameof(IExerciseHubClient.Replayed), OnReplayed);
        _hub.On<string, long>(nameof(IExerciseHubClient.CaughtUp), OnCaughtUp);
        _hub.On<string>(nameof(IExerciseHubClient.Closing), OnClosing);
        _hub.On<Contracts.Presence.PresenceView>(nameof(IExerciseHubClient.Presence), OnPresence);
        _hub.Reconnecting += _ =>
        {
            SetState(ExerciseConnectionState.Reconnecting);
            return Task.CompletedTask;
        };
        _hub.Reconnected += OnReconnectedAsync;
        _hub.Closed += OnClosedAsync;
    }

    /// <summary>
    /// A connection to server's hub. token is asked before every request (return a fresh one if it can
    /// expire). handler, when given, makes each HTTP handler the transport uses (a test server's, a proxy's);
    /// configure sets anything else of the transport (transports, WebSocket factory, headers).
    /// </summary>
    public static ExerciseConnection Create(
        Uri server, Func<Task<string?>> token, Func<HttpMessageHandler>? handler = null,
        Action<HttpConnectionOptions>? configure = null, IRetryPolicy? retry = null)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(server, HubRoutes.Exercise), options =>
            {
                options.AccessTokenProvider = token;
                if (handler is not null) options.HttpMessageHandlerFactory = _ => handler();
                configure?.Invoke(options);
            })
            .WithStatefulReconnect()
            .AddJsonProtocol(options => ScenarioJson.Configure(options.PayloadSerializerOptions));
        if (retry is null) builder.WithAutomaticReconnect(); else builder.WithAutomaticReconnect(retry);
        return new ExerciseConnection(builder.Build());
    }

    /// <summary>Every event of every subscribed exercise, once each, in sequence order per exercise. Completes when closed.</summary>
    public ChannelReader<LiveEvent> Events => _events.Reader;

    public ExerciseConnectionState State
    {
        get { lock (_gate) return _state; }
    }

    /// <summary>Raised on every change of <see cref="State"/>, outside any lock.</summary>
    public event Action<ExerciseConnectionState>? StateChanged;

    /// <summary>Raised when re-subscribing after a reconnect failed (the connection stays up, the exercise does not update).</summary>
    public event Action<string, Exception>? ResubscribeFailed;

    /// <summary>Why the server closed this connection (<see cref="ClosingReasons"/>), if it did.</summary>
    public string? ClosingReason { get; private set; }

    public string? ConnectionId => _hub.ConnectionId;

    /// <summary>The sequence number up to which an exercise's events are all handed out (0 when none): keep it to resume later.</summary>
    public long LastSeq(string exerciseId)
    {
        lock (_gate) return _streams.TryGetValue(exerciseId, out var stream) ? stream.Highest : 0;
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _hub.StartAsync(cancellationToken);
        SetState(ExerciseConnectionState.Connected);
    }

    /// <summary>
    /// Replays what the caller may see after afterSeq (or after what this connection already handed out, if
    /// more), then keeps the exercise live. Completes once the replay is handed out; returns the last seq replayed.
    /// </summary>
    public async Task<long> Subscribe(string exerciseId, long afterSeq)
    {
        var caughtUp = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        long from;
        lock (_gate)
        {
            if (!_streams.TryGetValue(exerciseId, out var stream)) _streams[exerciseId] = stream = new ExerciseStream();
            stream.Highest = Math.Max(stream.Highest, afterSeq);
            stream.Pending ??= [];
            stream.CaughtUp = caughtUp;
            from = stream.Highest;
        }

        SetState(ExerciseConnectionState.CatchingUp);
        try
        {
            await Call(() => _hub.InvokeAsync<long>(nameof(IExerciseHub.Subscribe), exerciseId, from));
            // CaughtUp comes before the call's answer, but handlers and answers are dispatched apart.
            return await caughtUp.Task;
        }
        catch
        {
            Abandon(exerciseId, caughtUp);
            throw;
        }
    }

    public Task<Contracts.Exercises.ExerciseView> GetExercise(string exerciseId) =>
        Call(() => _hub.InvokeAsync<Contracts.Exercises.ExerciseView>(nameof(IExerciseHub.GetExercise), exerciseId));

    public Task<Contracts.Exercises.OrganizationView> GetOrganization(string exerciseId, string organizationId) =>
        Call(() => _hub.InvokeAsync<Contracts.Exercises.OrganizationView>(nameof(IExerciseHub.GetOrganization), exerciseId, organizationId));

    public Task<Contracts.Exercises.ActionReceipt> Acknowledge(string exerciseId, string injectId, string? clientActionId) =>
        Call(() => _hub.InvokeAsync<Contracts.Exercises.ActionReceipt>(nameof(IExerciseHub.Acknowledge), exerciseId, injectId, KeyOf(clientActionId)));

    public Task<Contracts.Exercises.ActionReceipt> Decide(
        string exerciseId, string injectId, string? choiceId, string? text, Contracts.Exercises.SeverityRating? severity, string? clientActionId) =>
        Call(() => _hub.InvokeAsync<Contracts.Exercises.ActionReceipt>(nameof(IExerciseHub.Decide), exerciseId, injectId, choiceId, text, severity,
            KeyOf(clientActionId)));

    public Task<Contracts.Exercises.ActionReceipt> SendMessage(string exerciseId, Contracts.Exercises.OutgoingMessage message, string? clientActionId) =>
        Call(() => _hub.InvokeAsync<Contracts.Exercises.ActionReceipt>(nameof(IExerciseHub.SendMessage), exerciseId, message, KeyOf(clientActionId)));

    public Task<Contracts.Exercises.ActionReceipt> SubmitReport(
        string exerciseId, string injectId, IReadOnlyList<Contracts.Exercises.FieldAnswer> answers, string? clientActionId) =>
        Call(() => _hub.InvokeAsync<Contracts.Exercises.ActionReceipt>(nameof(IExerciseHub.SubmitReport), exerciseId, injectId, answers, KeyOf(clientActionId)));

    public Task<Contracts.Exercises.ActionReceipt> PublishStatement(string exerciseId, string headline, string body, string? clientActionId) =>
        Call(() => _hub.InvokeAsync<Contracts.Exercises.ActionReceipt>(nameof(IExerciseHub.PublishStatement), exerciseId, headline, body, KeyOf(clientActionId)));

    public Task<Contracts.Exercises.ActionReceipt> RecordObservation(string exerciseId, Contracts.Exercises.Observation observation, string? clientActionId) =>
        Call(() => _hub.InvokeAsync<Contracts.Exercises.ActionReceipt>(nameof(IExerciseHub.RecordObservation), exerciseId, observation, KeyOf(clientActionId)));

    public Task<Contracts.Exercises.ActionReceipt> RateTask(string exerciseId, Contracts.Exercises.TaskRating rating, string? clientActionId) =>
        Call(() => _hub.InvokeAsync<Contracts.Exercises.ActionReceipt>(nameof(IExerciseHub.RateTask), exerciseId, rating, KeyOf(clientActionId)));

    public Task<Contracts.Exercises.ActionReceipt> SubmitHotWash(
        string exerciseId, IReadOnlyList<Contracts.Exercises.HotWashAnswer> answers, string? clientActionId) =>
        Call(() => _hub.InvokeAsync<Contracts.Exercises.ActionReceipt>(nameof(IExerciseHub.SubmitHotWash), exerciseId, answers, KeyOf(clientActionId)));

    public async ValueTask DisposeAsync()
    {
        await _hub.DisposeAsync();
        Close();
    }

    /// <summary>
    /// The key an action is sent with: the caller's (keep it to resend the same action, after a reconnect say),
    /// or a new one, so that the server records every action under a key.
    /// </summary>
    private static string KeyOf(string? clientActionId) => clientActionId ?? Guid.NewGuid().ToString("D");

    private static async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (HubException error)
        {
            var (code, message) = HubErrors.Parse(error.Message);
            throw new ExerciseHubException(code, message, error);
        }
    }
}
