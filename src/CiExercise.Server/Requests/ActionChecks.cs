using CiExercise.Contracts;
using CiExercise.Contracts.CommunicationChecks;
using CiExercise.Contracts.Exercises;
using CiExercise.Server.Problems;

namespace CiExercise.Server.Requests;

/// <summary>
/// What each action needs and how large its fields may be, checked the same way for its HTTP endpoint and
/// its hub method: the two refuse the same input with the same field names, before any grain is called.
/// </summary>
internal static class ActionChecks
{
    public static FieldErrors Acknowledgement(string? injectId) =>
        new FieldErrors().Required("injectId", injectId).Id("injectId", injectId);

    /// <summary>A decision; its severity's range and whether the inject asks for one are the organization grain's to check.</summary>
    public static FieldErrors Decision(string? injectId, string? choiceId, string? text)
    {
        var errors = Acknowledgement(injectId).Id("choiceId", choiceId).Length("text", text, Limits.TextLength);
        return string.IsNullOrWhiteSpace(choiceId) && string.IsNullOrWhiteSpace(text)
            ? errors.Add("choiceId", "A decision needs a 'choiceId', a 'text', or both.")
            : errors;
    }

    public static FieldErrors Message(OutgoingMessage? message)
    {
        if (message is null) return new FieldErrors().Add("message", "The field 'message' is required.");
        var errors = new FieldErrors().Required("subject", message.Subject).Required("body", message.Body)
            .Length("subject", message.Subject, Limits.SubjectLength).Length("body", message.Body, Limits.TextLength)
            .Each("to", message.To, Limits.Organizations).Id("regardingInjectId", message.RegardingInjectId);
        return message.To is { Count: > 0 } ? errors : errors.Add("to", "A message needs at least one recipient organization in 'to'.");
    }

    public static FieldErrors Observation(
        ObservationKind? kind, string? text, IReadOnlyList<string?>? objectiveIds, IReadOnlyList<string?>? injectIds,
        IReadOnlyList<string?>? organizationIds)
    {
        var errors = new FieldErrors().Required("text", text).Length("text", text, Limits.TextLength)
            .Each("objectiveIds", objectiveIds, Limits.Objectives).Each("injectIds", injectIds, Limits.Injects)
            .Each("organizationIds", organizationIds, Limits.Organizations);
        return kind is null ? errors.Add("kind", "The field 'kind' is required: strength or area-for-improvement.") : errors;
    }

    /// <summary>A rating of a critical task; whether the objective, the task and the evidence exist is the exercise grain's to check.</summary>
    public static FieldErrors TaskRating(string? objectiveId, string? taskId, HseepRating? rating, string? text, IReadOnlyCollection<long>? evidenceSeqs)
    {
        var errors = new FieldErrors().Required("objectiveId", objectiveId).Id("objectiveId", objectiveId)
            .Required("taskId", taskId).Id("taskId", taskId).Length("text", text, Limits.TextLength)
            .Count("evidenceSeqs", evidenceSeqs, Limits.TaskEvidence);
        return rating is null ? errors.Add("rating", "The field 'rating' is required: p, s, m or u.") : errors;
    }

    /// <summary>Hot-wash answers within their bounds; the organization grain checks them against the scenario's questions.</summary>
    public static FieldErrors HotWash(IReadOnlyList<HotWashAnswer?>? answers)
    {
        var errors = new FieldErrors().Required("answers", answers).Count("answers", answers, Limits.HotWashAnswers);
        if (answers is not { Count: <= Limits.HotWashAnswers }) return errors;
        for (var i = 0; i < answers.Count; i++)
        {
            errors.Required($"answers[{i}].questionId", answers[i]?.QuestionId).Id($"answers[{i}].questionId", answers[i]?.QuestionId)
                .Length($"answers[{i}].text", answers[i]?.Text, Limits.TextLength);
        }
        return errors;
    }

    /// <summary>A report's answers within their bounds; the organization grain checks them against the inject's form.</summary>
    public static FieldErrors Report(string? injectId, IReadOnlyList<FieldAnswer?>? answers)
    {
        var errors = Acknowledgement(injectId).Required("answers", answers).Count("answers", answers, Limits.FormFields);
        if (answers is not { Count: <= Limits.FormFields }) return errors;
        for (var i = 0; i < answers.Count; i++)
        {
            errors.Required($"answers[{i}].fieldId", answers[i]?.FieldId).Id($"answers[{i}].fieldId", answers[i]?.FieldId)
                .Id($"answers[{i}].choiceId", answers[i]?.ChoiceId).Length($"answers[{i}].text", answers[i]?.Text, Limits.TextLength);
        }
        return errors;
    }

    public static FieldErrors Statement(string? headline, string? body) =>
        new FieldErrors().Required("headline", headline).Length("headline", headline, Limits.SubjectLength)
            .Required("body", body).Length("body", body, Limits.TextLength);

    /// <summary>A live news or social post of the control cell (a press statement is an organization's: Statement).</summary>
    public static FieldErrors FeedPost(FeedKind? kind, string? outlet, string? handle, string? headline, string? body)
    {
        var errors = Statement(headline, body).Required("outlet", outlet).Length("outlet", outlet, Limits.SubjectLength)
            .Length("handle", handle, Limits.SubjectLength);
        return kind switch
        {
            FeedKind.News or FeedKind.Social => errors,
            FeedKind.Statement => errors.Add("kind",
                "A press statement is an organization's: POST /api/exercises/{id}/organizations/{orgId}/statements as the organization."),
            _ => errors.Add("kind", "The field 'kind' is required: news or social."),
        };
    }

    public static FieldErrors CommunicationCheck(CheckRoute? route, string? message)
    {
        var errors = new FieldErrors().Required("message", message).Length("message", message, Limits.CheckMessageLength);
        return route is null ? errors.Add("route", "The field 'route' is required: chain or everyone.") : errors;
    }

    public static FieldErrors CheckAnswer(string? checkId) => new FieldErrors().Required("checkId", checkId).Id("checkId", checkId);

    public static FieldErrors HaltReason(string? reason) =>
        new FieldErrors().Required("reason", reason).Length("reason", reason, Limits.HaltReasonLength);

    /// <summary>An ad-hoc inject: what it needs, and every text, list and duration within its bound.</summary>
    public static FieldErrors AdHoc(AdHocInjectRequest request)
    {
        var errors = new FieldErrors().Required("recipients", request.Recipients).Required("title", request.Title)
            .Localized("title", request.Title, Limits.SubjectLength).Localized("from", request.From, Limits.SubjectLength)
            .Localized("body", request.Body, Limits.TextLength).Localized("expectedAction", request.ExpectedAction, Limits.TextLength)
            .Duration("responseWindow", request.ResponseWindow, Limits.ResponseWindow)
            .Each("objectives", request.Objectives, Limits.Objectives)
            .Count("choices", request.Choices, Limits.Choices);
        if (request.Channel is null) errors.Add("channel", "The field 'channel' is required.");
        if (request.Recipients is { } recipients)
        {
            errors.Each("recipients.organizations", recipients.Organizations, Limits.Organizations)
                .Count("recipients.sectors", recipients.Sectors, Limits.Sectors)
                .Each("recipients.roles", recipients.Roles, Limits.Roles, Limits.RoleLength);
            if (!recipients.SelectsSomething) errors.Add("recipients", "Recipients need 'everyone': true, or organizations or sectors.");
        }
        if (request.Choices is { Count: <= Limits.Choices } choices)
        {
            for (var i = 0; i < choices.Count; i++)
            {
                var choice = choices[i];
                errors.Required($"choices[{i}].id", choice?.Id).Id($"choices[{i}].id", choice?.Id)
                    .Required($"choices[{i}].text", choice?.Text).Localized($"choices[{i}].text", choice?.Text, Limits.SubjectLength);
            }
        }
        return errors;
    }
}
