using CiExercise.Contracts.Cluster;
using CiExercise.Contracts.Exercises;
using CiExercise.Grains.Scenarios;
using CiExercise.Server.Cluster;
using CiExercise.Server.Identity;
using CiExercise.Server.Problems;
using CiExercise.Server.Requests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CiExercise.Server.Endpoints;

/// <summary>
/// The cluster as Orleans sees it, for controllers and the fault tests: the silos of the membership table with their
/// status, the silo that answered, and where an exercise's grain is active.
/// </summary>
public static class ClusterEndpoints
{
    public static IEndpointRouteBuilder MapClusterEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/cluster", Get).WithTags("Cluster").WithName("GetCluster")
            .RequireAuthorization(AccessPolicies.Controller)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Ok<ClusterView>, ValidationProblem, ProblemHttpResult>> Get(
        string? exercise, IGrainFactory grains, ILocalSiloDetails local, ClusterSettings cluster, ExerciseScenarios exercises,
        AccessRefusals refusals, HttpContext context, CancellationToken cancellationToken)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        ExerciseHost? host = null;
        if (exercise is not null)
        {
            if (new FieldErrors().Id("exercise", exercise) is { Any: true } invalid) return invalid.Problem();
            if (!ExercisePrincipal.From(context.User)!.Covers(exercise))
                return refusals.Forbidden(context, $"the controller is not bound to exercise '{exercise}'");
            if (await exercises.FindAsync(exercise, cancellationToken) is null) return ApiProblems.ExerciseNotFound(exercise);
            var grain = grains.GetGrain<IExerciseGrain>(exercise);
            // The cheapest call there is: it activates the grain if it was not, so the answer names a silo.
            await grain.GetClock().WaitAsync(cancellationToken);
            if (await management.GetActivationAddress(grain) is { } at)
                host = new ExerciseHost(exercise, View(await EntryOfAsync(management, at)));
        }

        var silos = (await management.GetDetailedHosts(onlyActive: false).WaitAsync(cancellationToken))
            .OrderBy(e => e.SiloAddress.Endpoint.Port).ThenBy(e => e.SiloAddress.Generation).ToList();
        var self = silos.FirstOrDefault(e => e.SiloAddress.Equals(local.SiloAddress)) ?? await EntryOfAsync(management, local.SiloAddress);
        return TypedResults.Ok(new ClusterView(cluster.Enabled, cluster.Enabled ? cluster.ClusterId : "local", View(self),
            silos.Select(View).ToList(), host));
    }

    private static async Task<MembershipEntry> EntryOfAsync(IManagementGrain management, SiloAddress silo) =>
        (await management.GetDetailedHosts(onlyActive: false)).FirstOrDefault(e => e.SiloAddress.Equals(silo))
        ?? new MembershipEntry { SiloAddress = silo, Status = SiloStatus.None, SiloName = "", HostName = "" };

    private static SiloView View(MembershipEntry entry) => new(
        entry.SiloAddress.Endpoint.Address.ToString(), entry.SiloAddress.Endpoint.Port, entry.ProxyPort, entry.SiloAddress.Generation,
        entry.SiloName ?? "", entry.HostName ?? "", entry.Status.ToString(), new DateTimeOffset(entry.StartTime, TimeSpan.Zero),
        new DateTimeOffset(entry.IAmAliveTime, TimeSpan.Zero));
}
