using CiExercise.Contracts.Idempotency;
using CiExercise.Server.Problems;

namespace CiExercise.Server.Requests;

/// <summary>
/// Refuses a malformed key (header or body) and a header and body that disagree, before the endpoint runs, so
/// a refused key reaches no grain and no store; otherwise leaves the key where IdempotencyKeys.Of finds it.
/// </summary>
internal sealed class IdempotencyKeyFilter : IEndpointFilter
{
    private const string BodyField = "clientActionId";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var headers = http.Request.Headers[IdempotencyKeys.Header];
        var body = context.Arguments.OfType<IKeyedRequest>().FirstOrDefault()?.ClientActionId;
        var errors = new FieldErrors();
        if (headers.Count > 1) errors.Add(IdempotencyKeys.Header, $"Give one '{IdempotencyKeys.Header}' header (got {headers.Count}).");
        var header = headers.Count == 1 ? headers[0] : null;
        if (ClientActionId.Problem(IdempotencyKeys.Header, header) is { } headerProblem) errors.Add(IdempotencyKeys.Header, headerProblem);
        if (ClientActionId.Problem(BodyField, body) is { } bodyProblem) errors.Add(BodyField, bodyProblem);
        if (errors.Any) return errors.Problem(ClientActionId.InvalidCode);
        if (header is not null && body is not null && header != body)
            return ApiProblems.Create(StatusCodes.Status400BadRequest, "Bad request", IdempotencyKeys.MismatchCode,
                $"The '{IdempotencyKeys.Header}' header and the body's '{BodyField}' name two different keys; give one, or the same in both.");
        IdempotencyKeys.Set(http, header ?? body);
        return await next(context);
    }
}
