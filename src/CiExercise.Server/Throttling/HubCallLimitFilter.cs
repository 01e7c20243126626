using CiExercise.Client.Hub;
using CiExercise.Server.Identity;
using Microsoft.AspNetCore.SignalR;

namespace CiExercise.Server.Throttling;

/// <summary>
/// Hub method calls per connection: a console that loops (a script, a stuck retry) is refused with a hub
/// error the console can show, and the others keep their share of the server.
/// </summary>
internal sealed class HubCallLimitFilter(LimitOptions limits, LimitRefusals refusals, TimeProvider time) : IHubFilter
{
    private const string BucketItem = "ciex.hub-calls";

    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var context = invocationContext.Context;
        var bucket = (CallBucket)(context.Items.TryGetValue(BucketItem, out var item) && item is CallBucket existing
            ? existing
            : context.Items[BucketItem] = new CallBucket(limits.HubCalls, time));
        if (bucket.TryTake(out var retryAfter)) return next(invocationContext);

        var principal = context.User is { } user ? ExercisePrincipal.From(user) : null;
        var message = refusals.RefuseHub(principal, context.ConnectionId, LimitRefusals.HubCalls,
            $"hub calls on this connection ({invocationContext.HubMethodName})", limits.HubCalls, retryAfter);
        throw new HubException(HubErrors.Format(LimitRefusals.HubCalls, message));
    }
}
