using CiExercise.Server.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CiExercise.Server.Endpoints;

/// <summary>Where a program that opens the API finds the rest of it.</summary>
public static class IndexEndpoints
{
    /// <summary>Dashboard: the Orleans dashboard's address when it is enabled (Telemetry:Dashboard), else null.</summary>
    public sealed record ServiceIndex(string Name, string OpenApi, string Scenarios, string Exercises, string Health, string? Dashboard);

    public static IEndpointRouteBuilder MapIndexEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api", Index).WithTags("Index").WithName("Index").AllowAnonymous();
        return app;
    }

    public static Ok<ServiceIndex> Index(TelemetryOptions telemetry) =>
        TypedResults.Ok(new ServiceIndex("CiExercise", "/openapi/v1.json", "/api/scenarios", "/api/exercises", "/health/ready",
            telemetry.Dashboard ? $"{OrleansDashboard.Path}/" : null));
}
