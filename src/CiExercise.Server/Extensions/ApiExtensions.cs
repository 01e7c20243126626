using CiExercise.Contracts.Scenarios;
using CiExercise.Server.Endpoints;
using CiExercise.Server.Problems;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Serilog;

namespace CiExercise.Server.Extensions;

public static class ApiExtensions
{
    public static void AddCiExerciseApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.ConfigureHttpJsonOptions(options => ScenarioJson.Configure(options.SerializerOptions));
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemWriter.Customize);
        // Kestrel answers headers over its limit with a bare 431 before the app runs; above ours, RequestLimits answers a problem.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options =>
            options.Limits.MaxRequestHeadersTotalSize = RequestLimits.KestrelHeaderBytes);
        services.AddExceptionHandler<ApiExceptionHandler>();
        // An unreadable body or query throws in every environment, so that the exception handler can say what was wrong.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddOpenApi();
    }

    public static void UseCiExerciseApi(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            options.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                // The ids in the route become properties of the request's log event, so one exercise's or one
                // organization's requests can be found without parsing paths.
                if (context.GetRouteValue("id") is string exerciseId) diagnostics.Set("ExerciseId", exerciseId);
                if (context.GetRouteValue("orgId") is string orgId) diagnostics.Set("OrgId", orgId);
            };
            options.GetLevel = RequestLogLevel;
        });
        // After request logging, so that a refused command is logged with the status it was answered with.
        app.UseExceptionHandler();
        app.UseStatusCodePages(ProblemWriter.WriteStatusAsync);
        app.UseMiddleware<RequestLimits>();
    }

    /// <summary>
    /// Thousands of consoles read and act at once in a national exercise: a line per answered request would
    /// cost more than the requests, so those are Debug (the grains log the control cell's commands, and
    /// metrics count the rest); refusals stay Warning and failures Error.
    /// </summary>
    private static Serilog.Events.LogEventLevel RequestLogLevel(HttpContext context, double elapsed, Exception? error) =>
        error is not null || context.Response.StatusCode >= 500 ? Serilog.Events.LogEventLevel.Error
        : context.Response.StatusCode >= 400 ? Serilog.Events.LogEventLevel.Warning
        : Serilog.Events.LogEventLevel.Debug;

    public static void MapCiExerciseEndpoints(this WebApplication app)
    {
        // Anonymous: the API description, health probes and the index; everything else names its policy.
        app.MapOpenApi().AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
            {
                Predicate = check => check.Tags.Contains(ServiceExtensions.ReadyTag),
                ResponseWriter = Health.HealthReportWriter.WriteAsync,
            })
            .AllowAnonymous();
        app.MapIndexEndpoints();
        app.MapAuthEndpoints();
        app.MapJoinLinkEndpoints();
        app.MapObservationEndpoints();
        app.MapScenarioEndpoints();
        app.MapExerciseEndpoints();
        app.MapControlEndpoints();
        app.MapDynamicsEndpoints();
        app.MapParticipantEndpoints();
        app.MapEventEndpoints();
        app.MapFeedEndpoints();
        app.MapSimulatedEndpoints();
        app.MapPresenceEndpoints();
        app.MapCommunicationCheckEndpoints();
        app.MapHotWashEndpoints();
        app.MapReviewEndpoints();
        app.MapReportEndpoints();
        app.MapImprovementEndpoints();
        app.MapClusterEndpoints();
    }
}
