using Microsoft.AspNetCore.Http.HttpResults;

namespace CiExercise.Server.Endpoints;

/// <summary>Where a program that opens the API finds the rest of it.</summary>
public static class IndexEndpoints
{
    public sealed record ServiceIndex(string Name, string OpenApi, string Scenarios, string Exercises, string Health);

    public static IEndpointRouteBuilder MapIndexEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api", Index).WithTags("Index").WithName("Index").AllowAnonymous();
        return app;
    }

    public static Ok<ServiceIndex> Index() =>
        TypedResults.Ok(new ServiceIndex("CiExercise", "/openapi/v1.json", "/api/scenarios", "/api/exercises", "/health/ready"));
}
