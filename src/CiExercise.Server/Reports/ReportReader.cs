using CiExercise.Contracts.Ports;
using CiExercise.Grains.Scenarios;
using CiExercise.Review;
using CiExercise.Review.Model;
using CiExercise.Review.Report;
using CiExercise.Server.Endpoints;
using CiExercise.Server.Identity;
using CiExercise.Server.Reviews;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CiExercise.Server.Reports;

/// <summary>
/// What a report request reads, with the review's own access rule (ReviewEndpoints.Reader): staff of {id} get the
/// whole report and timeline; a participant, once the exercise has ended, the report of its own organization
/// (ParticipantReviews) and the timeline events it may see (EventAudience), and no improvement plan.
/// </summary>
public sealed record ReportRequest(
    string Id, string? Lang, ReviewService Reviews, IReportActions Actions, ExerciseScenarios Exercises, IEventLog Log,
    AccessRefusals Refusals, TimeProvider Time, ExportLimits Limits, HttpContext Context)
{
    internal async Task<(ReportDocument Document, TimelinePages Timeline, ProblemHttpResult? Problem)> ReadAsync(CancellationToken cancellationToken)
    {
        if (ReportText.Of(Lang) is not { } text)
            return (null!, null!, Problems.ApiProblems.Create(StatusCodes.Status400BadRequest, "Invalid request", "report.unknown-language",
                $"There is no report in '{Contracts.Limits.Quote(Lang)}'; lang is ja or en."));
        var (principal, problem) = await ReviewEndpoints.Reader(Id, Exercises, Log, Refusals, Time, Context, cancellationToken);
        if (problem is not null) return (null!, null!, problem);
        var review = await Reviews.GetAsync(Id, cancellationToken);
        if (!principal.IsStaff) review = ParticipantReviews.Filter(review, principal.OrganizationId!);
        var actions = principal.IsStaff ? await Actions.ForAsync(review, cancellationToken) : ReportActions.None;
        TimelinePages timeline = (after, limit, token) => Reviews.TimelineAsync(
            Id, new TimelineFilter(), after, limit, principal.IsStaff ? null : e => EventAudience.CanSee(principal, e), token);
        return (ReportBuilder.Build(review, actions, text), timeline, null);
    }
}
