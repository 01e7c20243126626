using System.Text.RegularExpressions;
using CiExercise.Contracts;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Ports;
using CiExercise.Grains.Exercises;
using CiExercise.Grains.Scenarios;
using CiExercise.Server.Exercises;
using CiExercise.Server.Identity;
using CiExercise.Server.Problems;
using CiExercise.Server.Requests;
using CiExercise.Server.Scenarios;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CiExercise.Server.Endpoints;

public static partial class ExerciseEndpoints
{
    public static IEndpointRouteBuilder MapExerciseEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/exercises").WithTags("Exercises");
        api.MapPost("/", Create).WithName("CreateExercise").ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(AccessPolicies.ControllerOfAll);
        api.MapGet("/", List).WithName("ListExercises").RequireAuthorization(AccessPolicies.Signed);
        api.MapGet("/{id}", Get).WithName("GetExercise").ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(AccessPolicies.ExerciseMember);
        api.MapGet("/{id}/directory", Directory).WithName("GetExerciseDirectory").ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(AccessPolicies.ExerciseMember);
        return app;
    }

    public static async Task<Results<Created<ExerciseView>, ValidationProblem>> Create(
        CreateExerciseRequest request, ScenarioLibraryState scenarios, IGrainFactory grains, HttpContext context)
    {
        var errors = new FieldErrors().Required("scenarioId", request.ScenarioId).Id("scenarioId", request.ScenarioId);
        var scenario = request.ScenarioId is { } scenarioId && !errors.Any ? scenarios.Find(scenarioId) : null;
        if (request.ScenarioId is not null && scenario is null && !errors.Has("scenarioId"))
            errors.Add("scenarioId", $"No scenario with id '{request.ScenarioId}' is loaded; GET /api/scenarios lists them.");
        if (request.Id is not null && !ExerciseId().IsMatch(request.Id))
            errors.Add("id", "An exercise id is 1 to 64 lower-case letters, digits or '-', starting with a letter or digit.");
        errors.Length("name", request.Name, Limits.NameLength);
        if (errors.Any || scenario is null) return errors.Problem();

        var id = request.Id ?? NewExerciseId();
        var name = string.IsNullOrWhiteSpace(request.Name) ? scenario.Scenario.Title.In("en") : request.Name;
        var view = await grains.GetGrain<IExerciseGrain>(id).Create(name, scenario.Scenario, ApiActors.Of(context));
        return TypedResults.Created($"/api/exercises/{id}", view);
    }

    /// <summary>
    /// The exercises the principal belongs to: all of them for a controller of every exercise. Status and
    /// clocks are folded from each exercise's clock events, so listing wakes no exercise grain.
    /// </summary>
    public static async Task<Ok<ExerciseSummary[]>> List(
        IExerciseCatalog catalog, IEventLog log, ExerciseScenarios scenarios, TimeProvider time, HttpContext context,
        CancellationToken cancellationToken)
    {
        var principal = ApiActors.Principal(context);
        var summaries = new List<ExerciseSummary>();
        foreach (var record in (await catalog.ListAsync(cancellationToken)).Where(r => principal.Covers(r.Id)))
        {
            var clockEvents = await log.ReadClockAsync(record.Id, cancellationToken);
            var (status, clock) = ExerciseStatusFold.Fold(scenarios.Of(record), clockEvents, time.GetUtcNow());
            summaries.Add(new ExerciseSummary(record.Id, record.Name, record.ScenarioId, record.CreatedAt,
                status, clock, await log.ReadLastSeqAsync(record.Id, cancellationToken), record.ReadOnly));
        }

        return TypedResults.Ok(summaries.ToArray());
    }

    /// <summary>The whole timeline for staff; for a participant only what reached their organization and role.</summary>
    public static async Task<Ok<ExerciseView>> Get(string id, IGrainFactory grains, HttpContext context)
    {
        var view = await grains.GetGrain<IExerciseGrain>(id).GetView();
        return TypedResults.Ok(ParticipantViews.Filter(view, ApiActors.Principal(context)));
    }

    /// <summary>Organizations, objectives and phases of the exercise's scenario, for every member.</summary>
    public static async Task<Results<Ok<ExerciseDirectory>, ProblemHttpResult>> Directory(
        string id, ExerciseScenarios scenarios, CancellationToken cancellationToken) =>
        await scenarios.FindAsync(id, cancellationToken) is { } scenario
            ? TypedResults.Ok(ExerciseDirectory.Of(id, scenario))
            : ApiProblems.ExerciseNotFound(id);

    internal static string NewExerciseId() => $"ex-{Guid.NewGuid():N}"[..15];

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    internal static partial Regex ExerciseId();
}
