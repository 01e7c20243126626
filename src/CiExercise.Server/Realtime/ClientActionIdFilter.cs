using System.Reflection;
using CiExercise.Client.Hub;
using CiExercise.Contracts.Idempotency;
using Microsoft.AspNetCore.SignalR;

namespace CiExercise.Server.Realtime;

/// <summary>
/// Refuses a hub call whose clientActionId is malformed before the method runs, so that such a key reaches no
/// grain and no store: the same rule and code as the HTTP API's Idempotency-Key. Every action method of the
/// hub names its key parameter clientActionId, so a new one is covered without being listed here.
/// </summary>
internal sealed class ClientActionIdFilter : IHubFilter
{
    private const string KeyParameter = "clientActionId";

    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var index = KeyIndex(invocationContext.HubMethod);
        if (index >= 0 && index < invocationContext.HubMethodArguments.Count
            && ClientActionId.Problem(KeyParameter, invocationContext.HubMethodArguments[index] as string) is { } problem)
            throw new HubException(HubErrors.Format(ClientActionId.InvalidCode, problem));
        return next(invocationContext);
    }

    private static int KeyIndex(MethodInfo method) =>
        Array.FindIndex(method.GetParameters(), p => p.Name == KeyParameter && p.ParameterType == typeof(string));
}
