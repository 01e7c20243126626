using CiExercise.Client.Hub;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Ports;
using CiExercise.Server.Identity;
using CiExercise.Server.Problems;
using CiExercise.Storage;
using Microsoft.AspNetCore.SignalR;
using Serilog.Events;

namespace CiExercise.Server.Realtime;

/// <summary>
/// Every hub call that fails passes here. A refusal (of access, of an argument, of a rule of the exercise)
/// reaches the console with its stable code (invariant 7) and is one warning saying who, what and why: a
/// participant cannot fill the log with errors. Anything else is an error with its exception, logged here
/// because SignalR's own "Failed to invoke hub method" is dropped from the log (<see cref="IsDispatcherFailure"/>),
/// which would otherwise turn every refusal into an error with a stack trace. A database that is away is refused
/// with the code storage.unavailable, which a console retries.
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
            throw Refused(invocation, rule.Code, rule.Message);
        }
        catch (HubException refusal)
        {
            var (code, reason) = HubErrors.Parse(refusal.Message);
            throw Refused(invocation, code, reason);
        }
        catch (Exception failure) when (StorageFailures.IsUnavailable(failure))
        {
            // Retryable, like the HTTP API's 503: the console keeps the action and sends it again with the same key.
            var refusal = StorageFailures.Classify(failure);
            throw Refused(invocation, StorageUnavailableException.Code, refusal.Message);
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
    /// A refusal as the console gets it: "code: message" in a HubException, the one type whose message SignalR
    /// sends (<see cref="HubErrors.Parse"/> reads it back). The message is cut as a problem's detail is, so a
    /// refusal never sends a hostile argument back whole.
    /// </summary>
    public static HubException Refusal(string code, string reason) => new(HubErrors.Format(code, Cut(reason)));

    private HubException Refused(HubInvocationContext invocation, string code, string reason)
    {
        var caller = invocation.Context.User is { } user ? ExercisePrincipal.From(user) : null;
        LogRefused(logger, invocation.HubMethodName, code, invocation.Context.ConnectionId, caller?.Kind, caller?.Name,
            caller?.ExerciseId, caller?.OrganizationId, Cut(reason));
        return Refusal(code, reason);
    }

    private static string Cut(string reason) =>
        reason.Length <= ProblemWriter.MaxDetailLength ? reason : $"{reason[..ProblemWriter.MaxDetailLength]}…";

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Hub call {HubMethod} refused with {Code}: connection {ConnectionId}, {Kind} {Name} of exercise {PrincipalExerciseId} organization {OrgId}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string hubMethod, string code, string connectionId, PrincipalKind? kind, string? name,
        string? principalExerciseId, string? orgId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Hub call {HubMethod} abandoned: connection {ConnectionId} closed")]
    private static partial void LogAbandoned(ILogger logger, string hubMethod, string connectionId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Hub call {HubMethod} failed on connection {ConnectionId}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string hubMethod, string connectionId);
}
