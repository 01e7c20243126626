using System.Globalization;
using CiExercise.Server.Identity;
using CiExercise.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace CiExercise.Server.Throttling;

/// <summary>
/// Answers and logs every refusal for being over a limit the same way: 429 problem details with a stable
/// code and Retry-After over HTTP, a hub error "code: message" over the hub, and one structured warning
/// naming who, what and the limit; never the token (only its link id).
/// </summary>
public sealed partial class LimitRefusals(ILogger<LimitRefusals> logger)
{
    public const string Requests = "limit.requests";
    public const string RedeemAttempts = "limit.redeem";
    public const string ScenarioValidations = "limit.scenario-validations";
    public const string HubConnections = "limit.hub-connections";
    public const string HubCalls = "limit.hub-calls";

    public Task RefuseAsync(HttpContext context, string code, string what, object limit, TimeSpan retryAfter) =>
        Refuse(context, code, what, limit, retryAfter).ExecuteAsync(context);

    /// <summary>Logs the refusal, sets Retry-After and makes the 429 problem.</summary>
    public ProblemHttpResult Refuse(HttpContext context, string code, string what, object limit, TimeSpan retryAfter)
    {
        var seconds = Seconds(retryAfter);
        var principal = ExercisePrincipal.From(context.User);
        LogRefusedRequest(logger, context.Request.Method, context.Request.Path.Value, code, Kind(principal), principal?.Name, principal?.TokenId,
            principal?.ExerciseId, principal?.OrganizationId, ClientAddress(context), limit.ToString(), seconds);
        context.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        return ApiProblems.Create(StatusCodes.Status429TooManyRequests, "Too many requests", code,
            $"Too many {what}: the limit is {limit}. Try again in {seconds} s.");
    }

    /// <summary>Logs a hub refusal and makes the message the caller gets (the code goes in front of it).</summary>
    public string RefuseHub(ExercisePrincipal? principal, string connectionId, string code, string what, object limit, TimeSpan? retryAfter)
    {
        LogRefusedHub(logger, what, connectionId, code, Kind(principal), principal?.Name, principal?.TokenId, principal?.ExerciseId,
            principal?.OrganizationId, limit.ToString(), retryAfter is { } r ? Seconds(r) : null);
        return retryAfter is { } after
            ? $"Too many {what}: the limit is {limit}. Try again in {Seconds(after)} s."
            : $"Too many {what}: the limit is {limit}.";
    }

    /// <summary>The address a request came from (the proxy's, unless forwarded headers are configured).</summary>
    public static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string Kind(ExercisePrincipal? principal) => principal?.Kind.ToString() ?? "anonymous";

    private static int Seconds(TimeSpan retryAfter) => Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Refused {Method} {Path} with 429 {Code} for {Kind} {Name} (link {LinkId}, exercise {PrincipalExerciseId}, organization {OrgId}) from {ClientAddress}: over the limit of {Limit}; retry after {RetryAfterSeconds} s")]
    private static partial void LogRefusedRequest(ILogger logger, string method, string? path, string code, string kind, string? name, string? linkId,
        string? principalExerciseId, string? orgId, string clientAddress, string? limit, int retryAfterSeconds);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Refused {What} on hub connection {ConnectionId} with {Code} for {Kind} {Name} (link {LinkId}, exercise {PrincipalExerciseId}, organization {OrgId}): over the limit of {Limit}; retry after {RetryAfterSeconds} s")]
    private static partial void LogRefusedHub(ILogger logger, string what, string connectionId, string code, string kind, string? name, string? linkId,
        string? principalExerciseId, string? orgId, string? limit, int? retryAfterSeconds);
}
