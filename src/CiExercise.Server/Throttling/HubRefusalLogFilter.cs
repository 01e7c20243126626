using CiExercise.Client.Hub;
using Microsoft.AspNetCore.SignalR;
using Serilog.Events;

namespace CiExercise.Server.Throttling;

/// <summary>
/// A hub connection over its token's cap or a call over its connection's rate is refused with a HubException
/// outside <see cref="Realtime.HubRefusalFilter"/> (the cap in OnConnectedAsync, the rate before every other
/// filter), which SignalR logs as an error with a stack trace; LimitRefusals has already logged it as a warning
/// with who and which limit, so the framework's copy is dropped: a participant must not be able to write error
/// logs at will.
/// </summary>
public static class HubRefusalLogFilter
{
    public static bool IsLimitRefusal(LogEvent logEvent) =>
        logEvent.Exception is HubException refusal
        && HubErrors.Parse(refusal.Message).Code is LimitRefusals.HubConnections or LimitRefusals.HubCalls;
}
