using CiExercise.Contracts.Exercises;
using CiExercise.Server.Identity;
using Microsoft.AspNetCore.SignalR;
using Serilog.Events;

namespace CiExercise.Server.Realtime;

/// <summary>
/// Every hub call that fails passes here. A refusal (of access, of an argument, of a rule of the exercise)
/// reaches the console with its stable code (invariant 7) and is one warning saying who, what and why: a
/// participant cannot fill the log with errors. Anything else is an error with its exception, logged here
/// because SignalR's own "Failed to invoke hub method" is dropped from the log (<see cref="IsDispatcherFailure"/>),
/// which would otherwise turn every refusal into an error with a stack trace.
/// </summary>
internal sealed partial class HubRefusalFilter(ILogger<HubRefusalFilter> logger) : IHubFilter
{
    private const string Dispatcher = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocation);
        }
        catch (ExerciseRuleException rule)
        {
            throw Refused(invocation, new HubRefusal(rule.Code, rule.Message));
        }
        catch (HubRefusal refusal)
        {
            throw Refused(invocation, refusal);
        }
        catch (OperationCanceledException) when (invocation.Context.ConnectionAborted.IsCancellationRequested)
        {
            LogAbandoned(logger, invocation.HubMethodName, invocation.Context.ConnectionId);
            throw;
        }
        catch (Exception failure)
        {
            LogFailed(logger, failure, invocation.HubMethodName, invocation.Context.ConnectionId);
            throw;
        }
    }

    /// <summary>SignalR's error for a failed invocation, which this filter has already logged at its proper level.</summary>
    public static bool IsDispatcherFailure(LogEvent e) =>
        e.Properties.TryGetValue("SourceContext", out var source) && source is ScalarValue { Value: Dispatcher }
        && e.Properties.TryGetValue("EventId", out var id) && id is StructureValue eventId
        && eventId.Properties.Any(p => p.Name == "Name" && p.Value is ScalarValue { Value: "FailedInvokingHubMethod" });

    /// <summary>
    /// The refusal as a plain HubException: SignalR sends a client the message of that type only, prefixed with the
    /// type's name, which is how the client finds the code (<see cref="Client.Hub.HubErrors.Parse"/>).
    /// </summary>
    private HubException Refused(HubInvocationContext invocation, HubRefusal refusal)
    {
        var caller = invocation.Context.User is { } user ? ExercisePrincipal.From(user) : null;
        LogRefused(logger, invocation.HubMethodName, refusal.Code, invocation.Context.ConnectionId, caller?.Kind, caller?.Name,
            caller?.ExerciseId, caller?.OrganizationId, refusal.Reason);
        return new HubException(refusal.Message);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Hub call {HubMethod} refused with {Code}: connection {ConnectionId}, {Kind} {Name} of exercise {PrincipalExerciseId} organization {OrgId}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string hubMethod, string code, string connectionId, PrincipalKind? kind, string? name,
        string? principalExerciseId, string? orgId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Hub call {HubMethod} abandoned: connection {ConnectionId} closed")]
    private static partial void LogAbandoned(ILogger logger, string hubMethod, string connectionId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Hub call {HubMethod} failed on connection {ConnectionId}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string hubMethod, string connectionId);
}
