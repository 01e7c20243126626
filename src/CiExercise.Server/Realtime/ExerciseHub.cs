using System.Globalization;
using CiExercise.Client.Hub;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Ports;
using CiExercise.Grains.Scenarios;
using CiExercise.Server.Endpoints;
using CiExercise.Server.Exercises;
using CiExercise.Server.Identity;
using CiExercise.Server.Throttling;
using CiExercise.Server.Problems;
using CiExercise.Server.Requests;
using CiExercise.Server.Realtime.Presence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CiExercise.Server.Realtime;

/// <summary>
/// The consoles' hub. Groups only deliver; every method checks the signed-in principal itself
/// (invariant 5), and who acts always comes from the token, never from arguments.
/// </summary>
[Authorize]
public sealed partial class ExerciseHub(
    IGrainFactory grains, IEventLog log, ExerciseScenarios scenarios, LiveEvents live, HubConnections connections, RealtimeBridge bridge,
    RealtimeMetrics metrics, PresenceReader presence, LimitOptions limits, LimitRefusals refusals, ILogger<ExerciseHub> logger)
    : Hub<IExerciseHubClient>, IExerciseHub
{
    public const int ReplayPageSize = 500;

    public override async Task OnConnectedAsync()
    {
        var principal = Principal();
        if (!connections.TryAdd(Context, principal, ExpiresAt()))
        {
            // The Closing reason stops a console from reconnecting and tells the person why; the hub error that
            // follows closes the connection after it (an abort could drop it) with the code for other clients.
            var message = refusals.RefuseHub(principal, Context.ConnectionId, LimitRefusals.HubConnections, "hub connections with this sign-in",
                limits.HubConnectionsPerToken, retryAfter: null);
            await Clients.Caller.Closing(ClosingReasons.ConnectionLimit);
            throw new HubException(HubErrors.Format(LimitRefusals.HubConnections, message));
        }
        LogConnected(logger, Context.ConnectionId, principal.Kind, principal.ExerciseId, principal.OrganizationId);
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.ConnectionId);
        bridge.Leave(Context.ConnectionId);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Joins the live groups first (on a cluster, after the bridge has taken its position in the log, so that other
    /// nodes' commits reach this node from there), then replays from the log: an event committed before the read is
    /// in the replay, one committed after reaches the groups; the client drops the ones it gets twice. Live events
    /// therefore overtake replayed ones: only Replayed (after each page) and CaughtUp tell the client up to which
    /// seq it has everything. The audience rule still decides each row (roles within an organization).
    /// </summary>
    public async Task<long> Subscribe(string exerciseId, long afterSeq)
    {
        var principal = await RequireAsync(exerciseId);
        if (afterSeq < 0) throw Refuse("request.invalid", "afterSeq is a sequence number, 0 or more.");
        if (principal.Kind == PrincipalKind.Participant) await RecordJoinedAsync(principal, exerciseId);
        await bridge.ServeAsync(exerciseId, Context.ConnectionId, Context.ConnectionAborted);
        foreach (var group in EventAudience.GroupsOf(principal, exerciseId))
            await Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);

        var last = afterSeq;
        while (true)
        {
            // A participant's replay reads only its organization's rows and the clock, not the whole log.
            var page = principal.IsStaff
                ? await log.ReadAsync(exerciseId, last, ReplayPageSize, Context.ConnectionAborted)
                : await log.ReadVisibleAsync(exerciseId, principal.OrganizationId!, last, ReplayPageSize, Context.ConnectionAborted);
            var replayed = 0;
            foreach (var e in page)
            {
                if (!EventAudience.CanSee(principal, e)) continue;
                await Clients.Caller.Event(await live.CreateAsync(e, Context.ConnectionAborted));
                replayed++;
            }
            metrics.Replayed(replayed);
            if (page.Count > 0) last = page[^1].Seq;
            if (page.Count < ReplayPageSize) break;
            await Clients.Caller.Replayed(exerciseId, last);
        }

        await Clients.Caller.CaughtUp(exerciseId, last);
        LogSubscribed(logger, Context.ConnectionId, exerciseId, afterSeq, last);
        return last;
    }

    /// <summary>
    /// Records the participant's first subscription for the review (the grain writes it once per person and answers
    /// repeats from memory). The record is not worth a console: a failure is logged, and the subscription goes on.
    /// </summary>
    private async Task RecordJoinedAsync(ExercisePrincipal principal, string exerciseId)
    {
        try
        {
            await grains.GetGrain<IOrganizationGrain>(OrganizationKey.Of(exerciseId, principal.OrganizationId!)).Joined(principal.ToActor());
        }
        catch (Exception ex)
        {
            LogJoinNotRecorded(logger, ex, exerciseId, principal.OrganizationId);
        }
    }

    public async Task<ExerciseView> GetExercise(string exerciseId)
    {
        var principal = await RequireAsync(exerciseId);
        return ParticipantViews.Filter(await grains.GetGrain<IExerciseGrain>(exerciseId).GetView(), principal);
    }

    public async Task<OrganizationView> GetOrganization(string exerciseId, string organizationId)
    {
        var principal = await RequireAsync(exerciseId);
        Check(new FieldErrors().Required("organizationId", organizationId).Id("organizationId", organizationId));
        if (!principal.IsStaff && principal.OrganizationId != organizationId)
            throw Deny(principal, exerciseId, "read another organization");
        var scenario = await scenarios.FindAsync(exerciseId, Context.ConnectionAborted);
        if (scenario!.FindOrganization(organizationId) is null)
            throw Refuse("organization.not-found", $"Exercise '{exerciseId}' has no organization '{organizationId}'.");
        return ParticipantViews.Filter(await grains.GetGrain<IOrganizationGrain>(OrganizationKey.Of(exerciseId, organizationId)).GetView(), principal);
    }

    public async Task<ActionReceipt> Acknowledge(string exerciseId, string injectId, string? clientActionId)
    {
        var (grain, actor) = await ParticipantAsync(exerciseId, "acknowledge");
        Check(ActionChecks.Acknowledgement(injectId));
        return await grain.Acknowledge(actor, injectId, clientActionId);
    }

    public async Task<ActionReceipt> Decide(
        string exerciseId, string injectId, string? choiceId, string? text, SeverityRating? severity, string? clientActionId)
    {
        var (grain, actor) = await ParticipantAsync(exerciseId, "decide");
        Check(ActionChecks.Decision(injectId, choiceId, text));
        return await grain.Decide(actor, injectId, choiceId, text, severity, clientActionId);
    }

    public async Task<ActionReceipt> SendMessage(string exerciseId, OutgoingMessage message, string? clientActionId)
    {
        var (grain, actor) = await ParticipantAsync(exerciseId, "send a message");
        Check(ActionChecks.Message(message));
        return await grain.SendMessage(actor, message, clientActionId);
    }

    public async Task<ActionReceipt> SubmitReport(string exerciseId, string injectId, IReadOnlyList<FieldAnswer> answers, string? clientActionId)
    {
        var (grain, actor) = await ParticipantAsync(exerciseId, "submit a report");
        Check(ActionChecks.Report(injectId, answers));
        return await grain.SubmitReport(actor, injectId, answers, clientActionId);
    }

    public async Task<ActionReceipt> PublishStatement(string exerciseId, string headline, string body, string? clientActionId)
    {
        var (_, actor) = await ParticipantAsync(exerciseId, "publish a press statement");
        Check(ActionChecks.Statement(headline, body));
        return await grains.GetGrain<IExerciseGrain>(exerciseId)
            .PublishPost(actor, FeedEndpoints.Statement(actor.OrganizationId!, headline, body), clientActionId);
    }

    public async Task<ActionReceipt> RecordObservation(string exerciseId, Observation observation, string? clientActionId)
    {
        // Evaluators only, as over HTTP: the access matrix tests hold the two to the same answer.
        var principal = await RequireAsync(exerciseId);
        if (principal.Kind != PrincipalKind.Evaluator) throw Deny(principal, exerciseId, "record an observation");
        if (observation is null) throw Refuse(FieldErrors.Code, "The field 'observation' is required.");
        Check(ActionChecks.Observation(observation.Kind, observation.Text, observation.ObjectiveIds, observation.InjectIds, observation.OrganizationIds));
        return await grains.GetGrain<IExerciseGrain>(exerciseId).RecordObservation(principal.ToActor(), observation, clientActionId);
    }

    public async Task<ActionReceipt> RateTask(string exerciseId, TaskRating rating, string? clientActionId)
    {
        var principal = await RequireAsync(exerciseId);
        if (principal.Kind != PrincipalKind.Evaluator) throw Deny(principal, exerciseId, "rate a critical task");
        if (rating is null) throw Refuse(FieldErrors.Code, "The field 'rating' is required.");
        Check(ActionChecks.TaskRating(rating.ObjectiveId, rating.TaskId, rating.Rating, rating.Text, rating.EvidenceSeqs));
        return await grains.GetGrain<IExerciseGrain>(exerciseId).RateTask(principal.ToActor(), rating with { EvidenceSeqs = rating.EvidenceSeqs ?? [] },
            clientActionId);
    }

    public async Task<ActionReceipt> SubmitHotWash(string exerciseId, IReadOnlyList<HotWashAnswer> answers, string? clientActionId)
    {
        var (grain, actor) = await ParticipantAsync(exerciseId, "answer the hot wash");
        Check(ActionChecks.HotWash(answers));
        return await grain.SubmitHotWash(actor, answers, clientActionId);
    }

    private async Task<(IOrganizationGrain Grain, Contracts.Events.Actor Actor)> ParticipantAsync(string exerciseId, string what)
    {
        var principal = await RequireAsync(exerciseId);
        if (principal.Kind != PrincipalKind.Participant) throw Deny(principal, exerciseId, what);
        return (grains.GetGrain<IOrganizationGrain>(OrganizationKey.Of(exerciseId, principal.OrganizationId!)), principal.ToActor());
    }

    /// <summary>The caller, who must belong to an exercise that exists.</summary>
    private async Task<ExercisePrincipal> RequireAsync(string exerciseId)
    {
        var principal = Principal();
        Check(new FieldErrors().Id("exerciseId", exerciseId));
        if (string.IsNullOrEmpty(exerciseId) || !principal.Covers(exerciseId)) throw Deny(principal, exerciseId, "use the exercise");
        if (await scenarios.FindAsync(exerciseId, Context.ConnectionAborted) is null)
            throw Refuse("exercise.not-found", $"There is no exercise '{exerciseId}'.");
        return principal;
    }

    private ExercisePrincipal Principal() =>
        Context.User is { } user && ExercisePrincipal.From(user) is { } principal ? principal
        : throw Refuse(HubErrors.Unauthenticated, "The token does not name a CiExercise principal.");

    private DateTimeOffset? ExpiresAt() =>
        long.TryParse(Context.User?.FindFirst("exp")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    /// <summary>Logged as a warning with who and why by <see cref="HubRefusalFilter"/>, like every refusal.</summary>
    private static HubException Deny(ExercisePrincipal principal, string exerciseId, string what) =>
        Refuse(HubErrors.AccessDenied, $"A {principal.Kind.ToString().ToLowerInvariant()} of this token may not {what} in exercise '{exerciseId}'.");

    private static HubException Refuse(string code, string message) => HubRefusalFilter.Refusal(code, message);

    /// <summary>The arguments' bounds, checked as the HTTP endpoints check the same fields, before any grain is called.</summary>
    private static void Check(FieldErrors errors)
    {
        if (errors.Any) throw Refuse(FieldErrors.Code, errors.Detail);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Hub connection {ConnectionId} opened by a {Kind} of exercise {PrincipalExerciseId}, organization {OrgId}")]
    private static partial void LogConnected(ILogger logger, string connectionId, PrincipalKind kind, string? principalExerciseId, string? orgId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Exercise {ExerciseId}: a participant of {OrgId} subscribed, but the join was not recorded")]
    private static partial void LogJoinNotRecorded(ILogger logger, Exception exception, string exerciseId, string? orgId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Hub connection {ConnectionId} subscribed to {ExerciseId} after {AfterSeq}, replayed to {LastSeq}")]
    private static partial void LogSubscribed(ILogger logger, string connectionId, string exerciseId, long afterSeq, long lastSeq);
}
