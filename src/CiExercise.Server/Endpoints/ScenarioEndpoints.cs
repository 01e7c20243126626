using System.Text;
using CiExercise.Contracts.Scenarios;
using CiExercise.Scenarios;
using CiExercise.Server.Identity;
using CiExercise.Server.Throttling;
using CiExercise.Server.Problems;
using CiExercise.Server.Requests;
using CiExercise.Server.Scenarios;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace CiExercise.Server.Endpoints;

public static class ScenarioEndpoints
{
    public const string UploadPath = "upload.yaml";

    private static readonly string[] YamlContentTypes = ["text/yaml", "application/yaml", "application/x-yaml", "text/plain"];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IEndpointRouteBuilder MapScenarioEndpoints(this IEndpointRouteBuilder app)
    {
        // Scenario files reveal every future inject: controllers only.
        var api = app.MapGroup("/api/scenarios").WithTags("Scenarios").RequireAuthorization(AccessPolicies.Controller);
        api.MapGet("/", List).WithName("ListScenarios");
        api.MapGet("/{id}", Get).WithName("GetScenario").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/validate", Validate).WithName("ValidateScenario").WithMetadata(BoundedBody.OwnLimit)
            .AddOpenApiOperationTransformer(DescribeYamlBody)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    public static Ok<ScenarioSummary[]> List(ScenarioLibraryState scenarios) =>
        TypedResults.Ok(scenarios.Scenarios.Select(ScenarioSummary.From).ToArray());

    public static Results<Ok<Scenario>, ProblemHttpResult> Get(string id, ScenarioLibraryState scenarios) =>
        scenarios.Find(id) is { } loaded
            ? TypedResults.Ok(loaded.Scenario)
            : ApiProblems.NotFound("scenario.not-found", $"No scenario with id '{id}' is loaded; GET /api/scenarios lists them.");

    /// <summary>Validates an uploaded file without loading it; 200 whether it is valid or not.</summary>
    public static async Task<Results<Ok<ValidationReport>, ProblemHttpResult>> Validate(
        HttpRequest request, ScenarioValidationGate gate, LimitRefusals refusals, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !YamlContentTypes.Contains(mediaType.MediaType.Value, StringComparer.OrdinalIgnoreCase))
            return ApiProblems.Create(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "scenario.media-type",
                $"Send the scenario file as YAML text ({string.Join(", ", YamlContentTypes)}); got '{request.ContentType}'.");
        if (request.ContentLength > ScenarioLimits.MaxFileBytes) return TooLarge(request.ContentLength.Value);

        using var turn = await gate.EnterAsync(cancellationToken);
        if (!turn.IsAcquired)
            return refusals.Refuse(request.HttpContext, LimitRefusals.ScenarioValidations, "scenario validations at once", gate.Limit,
                ScenarioValidationGate.RetryAfter);
        var bytes = await BoundedBody.ReadAsync(request.Body, ScenarioLimits.MaxFileBytes, cancellationToken);
        if (bytes is null) return TooLarge(null);
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return TypedResults.Ok(ValidationReport.From([new Diagnostic(UploadPath, 1, 1, DiagnosticSeverity.Error,
                DiagnosticCodes.NotText, "file is not UTF-8 text (binary or another encoding)")]));
        }
        return TypedResults.Ok(ValidationReport.From(ScenarioParser.Parse(text, UploadPath).Diagnostics));
    }

    /// <summary>
    /// Documents the YAML body by hand: declaring it with Accepts would make routing refuse other media
    /// types with a bare 415 before the endpoint can say which ones it takes.
    /// </summary>
    private static Task DescribeYamlBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "A scenario file (UTF-8 YAML).",
            Content = YamlContentTypes.ToDictionary(t => t, _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } }),
        };
        return Task.CompletedTask;
    }

    private static ProblemHttpResult TooLarge(long? length) =>
        ApiProblems.Create(StatusCodes.Status413PayloadTooLarge, "Payload too large", "scenario.too-large",
            $"A scenario file may hold at most {ScenarioLimits.MaxFileBytes} bytes{(length is { } l ? $"; this one has {l}" : "")}.");
}
