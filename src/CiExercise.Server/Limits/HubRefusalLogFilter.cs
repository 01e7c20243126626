using CiExercise.Client.Hub;
using Microsoft.AspNetCore.SignalR;
using Serilog.Core;
using Serilog.Events;

namespace CiExercise.Server.Limits;

/// <summary>
/// A hub connection over its token's cap or a call over its connection's rate is refused with a
/// HubException, which SignalR logs as an error with a stack trace; LimitRefusals has already logged it
/// as a warning with who and which limit, so the framework's copy is dropped: a participant must not be
/// able to write error logs at will.
/// </summary>
public sealed class HubRefusalLogFilter : ILogEventFilter
{
    public bool IsEnabled(LogEvent logEvent) =>
        logEvent.Exception is not HubException refusal
        || HubErrors.Parse(refusal.Message).Code is not (LimitRefusals.HubConnections or LimitRefusals.HubCalls);
}
