namespace CiExercise.Server.Requests;

/// <summary>
/// The idempotency key of an HTTP action: the Idempotency-Key header, or the body's clientActionId where the
/// body has one (the same thing under two names). IdempotencyKeyFilter checks it before the endpoint runs; the
/// endpoint hands it to the grain and marks an answer that replays an earlier one.
/// </summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";

    /// <summary>Set to "true" on an answer that is the first answer again: the action was not done a second time.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>The code of a header and a body field that name two different keys.</summary>
    public const string MismatchCode = "idempotency.key-mismatch";

    private static readonly object ItemKey = new();

    /// <summary>The request's key once the filter has checked it; null when the client gave none.</summary>
    public static string? Of(HttpContext context) => context.Items.TryGetValue(ItemKey, out var key) ? (string?)key : null;

    internal static void Set(HttpContext context, string? key) => context.Items[ItemKey] = key;

    /// <summary>The answer, marked as a replay when it is one.</summary>
    public static T Answered<T>(HttpContext context, T value, bool replayed)
    {
        if (replayed) context.Response.Headers[ReplayedHeader] = "true";
        return value;
    }

    /// <summary>Checks the action's key (header and body) before the endpoint runs; for every POST that acts.</summary>
    public static TBuilder WithIdempotencyKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, IdempotencyKeyFilter>();
}

/// <summary>A request body that may carry the client's key for the action (the same as the Idempotency-Key header).</summary>
public interface IKeyedRequest
{
    string? ClientActionId { get; }
}
