using CiExercise.Client.Hub;
using CiExercise.Contracts.Exercises;
using Microsoft.AspNetCore.SignalR;

namespace CiExercise.Server.Realtime;

/// <summary>
/// A refusal of the domain reaches the console with its stable code and message (invariant 7); anything
/// else stays the framework's generic error, its details logged and not sent.
/// </summary>
internal sealed class RuleExceptionFilter : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (ExerciseRuleException rule)
        {
            throw new HubException(HubErrors.Format(rule.Code, rule.Message));
        }
    }
}
