using Microsoft.AspNetCore.Http.HttpResults;

namespace CiExercise.Server.Problems;

/// <summary>Problem details the endpoints return themselves; each carries a stable "code" like the domain's refusals.</summary>
internal static class ApiProblems
{
    public static ProblemHttpResult Create(int status, string title, string code, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title,
            extensions: new Dictionary<string, object?> { ["code"] = code });

    public static ProblemHttpResult NotFound(string code, string detail) =>
        Create(StatusCodes.Status404NotFound, "Not found", code, detail);

    public static ProblemHttpResult ExerciseNotFound(string id) =>
        NotFound("exercise.not-found", $"There is no exercise '{id}'.");
}
