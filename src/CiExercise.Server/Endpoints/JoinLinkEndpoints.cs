using CiExercise.Contracts;
using CiExercise.Contracts.Idempotency;
using CiExercise.Contracts.Scenarios;
using CiExercise.Grains.Scenarios;
using CiExercise.Server.Exercises;
using CiExercise.Server.Identity;
using CiExercise.Server.Problems;
using CiExercise.Server.Requests;
using CiExercise.Storage.JoinLinks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CiExercise.Server.Endpoints;

/// <summary>
/// Controllers hand out links per participant, evaluator and observer. A token is never stored: the issue
/// call returns each URL once, and the CSV export signs the stored claims and times again.
/// </summary>
public static class JoinLinkEndpoints
{
    public static IEndpointRouteBuilder MapJoinLinkEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/exercises/{id}").WithTags("Join links")
            .RequireAuthorization(AccessPolicies.ExerciseController)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/join-links", Issue).WithName("IssueJoinLinks").WithIdempotencyKey();
        api.MapGet("/join-links", List).WithName("ListJoinLinks");
        api.MapGet("/join-links.csv", Csv).WithName("ExportJoinLinks").Produces<byte[]>(contentType: "text/csv");
        api.MapGet("/join-links.zip", Zip).WithName("ExportJoinLinksPerOrganization").Produces<byte[]>(contentType: "application/zip");
        api.MapRosterImport();
        app.MapDelete("/api/join-links/{linkId}", Revoke).WithTags("Join links").WithName("RevokeJoinLink")
            .RequireAuthorization(AccessPolicies.Controller).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Created<IssuedJoinLink[]>, ValidationProblem, ProblemHttpResult>> Issue(
        string id, IReadOnlyList<JoinLinkRequest>? request, ExerciseScenarios exercises, JoinLinkService links, PublicUrls urls,
        HttpContext context, CancellationToken cancellationToken)
    {
        if (await exercises.FindAsync(id, cancellationToken) is not { } scenario) return ApiProblems.ExerciseNotFound(id);
        if (request is not { Count: > 0 }) return FieldErrors.Single("links", "Send a JSON array of at least one link to issue.");
        var errors = new FieldErrors().Count("links", request, Limits.JoinLinksPerRequest);
        if (errors.Any) return errors.Problem();
        var principals = request.Select((r, i) => Check(r, $"[{i}]", id, scenario, errors)).ToList();
        if (errors.Any) return errors.Problem();

        var creator = ExercisePrincipal.From(context.User)!;
        var asked = principals.Select(p => (p!.Value.Item1, p.Value.Item2, (string?)null)).ToList();
        var (issued, replayed) = IdempotencyKeys.Of(context) is { } key
            ? await links.IssueAsync(asked, creator.Name,
                JoinLinkService.KeyOf(id, creator.Name, key, ClientActionId.Fingerprint("IssueJoinLinks", request)), cancellationToken)
            : (await links.IssueAsync(asked, creator.Name, oneTime: false, cancellationToken), false);
        return TypedResults.Created($"/api/exercises/{id}/join-links", IdempotencyKeys.Answered(context,
            issued.Select(i => new IssuedJoinLink(JoinLinkSummary.From(i.Link), urls.JoinUrl(context.Request, i.Token))).ToArray(), replayed));
    }

    public static async Task<Results<Ok<JoinLinkSummary[]>, ProblemHttpResult>> List(
        string id, ExerciseScenarios exercises, IJoinLinkStore store, CancellationToken cancellationToken)
    {
        if (await exercises.FindAsync(id, cancellationToken) is null) return ApiProblems.ExerciseNotFound(id);
        return TypedResults.Ok((await store.ListAsync(id, cancellationToken)).Select(JoinLinkSummary.From).ToArray());
    }

    /// <summary>The links that still work (not revoked, not expired), each with its URL; of one organization when it is named.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Csv(
        string id, string? organizationId, ExerciseScenarios exercises, IJoinLinkStore store, JoinLinkService links, PublicUrls urls,
        TimeProvider time, HttpContext context, CancellationToken cancellationToken)
    {
        if (await exercises.FindAsync(id, cancellationToken) is not { } scenario) return ApiProblems.ExerciseNotFound(id);
        if (organizationId is not null && scenario.FindOrganization(organizationId) is null)
            return ApiProblems.NotFound("organization.not-found", $"Exercise '{id}' has no organization '{organizationId}'.");
        var working = await WorkingLinksAsync(id, store, links, urls, time, context, cancellationToken);
        var name = organizationId is null ? $"{id}-join-links.csv" : $"{id}-{organizationId}-join-links.csv";
        return TypedResults.File(JoinLinkCsv.Write(working.Where(l => organizationId is null || l.Link.OrganizationId == organizationId)),
            "text/csv; charset=utf-8", name);
    }

    /// <summary>The same links, one CSV per organization in a ZIP, so each organization's coordinator gets only its own people's links.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Zip(
        string id, ExerciseScenarios exercises, IJoinLinkStore store, JoinLinkService links, PublicUrls urls, TimeProvider time,
        HttpContext context, CancellationToken cancellationToken)
    {
        if (await exercises.FindAsync(id, cancellationToken) is null) return ApiProblems.ExerciseNotFound(id);
        var working = await WorkingLinksAsync(id, store, links, urls, time, context, cancellationToken);
        return TypedResults.File(JoinLinkCsv.WriteZip(working), "application/zip", $"{id}-join-links.zip");
    }

    private static async Task<IEnumerable<(JoinLink Link, string Url)>> WorkingLinksAsync(
        string id, IJoinLinkStore store, JoinLinkService links, PublicUrls urls, TimeProvider time, HttpContext context,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return (await store.ListAsync(id, cancellationToken)).Where(l => l.IsUsableAt(now) && !l.OneTime)
            .Select(l => (l, urls.JoinUrl(context.Request, links.Sign(l))));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Revoke(
        string linkId, IJoinLinkStore store, JoinLinkService links, AccessRefusals refusals, HttpContext context,
        CancellationToken cancellationToken)
    {
        var link = await store.GetAsync(linkId, cancellationToken);
        var principal = ExercisePrincipal.From(context.User)!;
        // A link of every exercise (ExerciseId null) can only be revoked by a controller of every exercise.
        if (link is not null && !(principal.ExerciseId is null || principal.ExerciseId == link.ExerciseId))
            return refusals.Forbidden(context, "the controller is not bound to this link's exercise");
        if (link is null || await links.RevokeAsync(linkId, cancellationToken) is null)
            return ApiProblems.NotFound("join-link.not-found", $"There is no join link '{linkId}'.");
        return TypedResults.NoContent();
    }

    private static (ExercisePrincipal, TimeSpan)? Check(JoinLinkRequest? r, string at, string exerciseId, Scenario scenario, FieldErrors errors)
    {
        if (r is null)
        {
            errors.Add(at, $"'{at}' is null; give a link to issue.");
            return null;
        }
        var failed = false;
        void Fail(string field, string message)
        {
            errors.Add($"{at}.{field}", message);
            failed = true;
        }
        if (string.IsNullOrWhiteSpace(r.Name)) Fail("name", "The field 'name' is required.");
        else if (r.Name.Length > Limits.NameLength) Fail("name", $"A name is at most {Limits.NameLength} characters.");
        if (r.Kind is not { } kind) Fail("kind", "The field 'kind' is required: participant, evaluator, observer or controller.");
        else if (kind == PrincipalKind.Participant)
        {
            var organization = r.OrganizationId is null ? null : scenario.FindOrganization(r.OrganizationId);
            if (organization is null)
                Fail("organizationId", $"A participant needs the id of one of the scenario's organizations (got '{Limits.Quote(r.OrganizationId)}').");
            else if (r.Role is null || !organization.Roles.Contains(r.Role))
                Fail("role", $"Organization '{organization.Id}' has the roles {string.Join(", ", organization.Roles)} (got '{Limits.Quote(r.Role)}').");
        }
        else if (r.OrganizationId is not null || r.Role is not null)
            Fail("organizationId", $"Only participants have an organization and a role; a {JoinLinkService.KindText(kind)} has neither.");
        var lifetime = r.ExpiresIn ?? JoinLinkService.DefaultLifetime;
        if (lifetime <= TimeSpan.Zero || lifetime > JoinLinkService.MaxLifetime)
            Fail("expiresIn", $"'expiresIn' is more than zero and at most {JoinLinkService.MaxLifetime.TotalDays} days (got {lifetime}).");
        return failed ? null : (new ExercisePrincipal(r.Kind!.Value, exerciseId, r.OrganizationId, r.Role, r.Name!.Trim(), null), lifetime);
    }
}
