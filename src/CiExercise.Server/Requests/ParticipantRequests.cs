using CiExercise.Contracts.Exercises;
using CiExercise.Server.Problems;

namespace CiExercise.Server.Requests;

/// <summary>
/// What every participant action carries besides its content: the client's own id for the action, which
/// makes a retry record it once. Who acts is the signed-in participant, never a field of the body.
/// </summary>
public interface IParticipantRequest : IKeyedRequest;

public sealed record AcknowledgeRequest(string? InjectId, string? ClientActionId) : IParticipantRequest;

/// <summary>A decision; Severity answers an inject that asks for a severity rating (and only such an inject).</summary>
public sealed record DecisionRequest(string? InjectId, string? ChoiceId, string? Text, SeverityRequest? Severity, string? ClientActionId)
    : IParticipantRequest;

/// <summary>A severity rating on the national 0–4 scale, each of its three criteria given.</summary>
public sealed record SeverityRequest(int? Continuity, int? Safety, int? Trust)
{
    /// <summary>The rating, or null with the missing criteria added to errors.</summary>
    internal SeverityRating? ToRating(FieldErrors errors)
    {
        foreach (var (field, value) in new[] { ("continuity", Continuity), ("safety", Safety), ("trust", Trust) })
            if (value is null) errors.Add($"severity.{field}", $"The field 'severity.{field}' is required: 0 to {SeverityRating.MaxLevel}.");
        return Continuity is { } c && Safety is { } s && Trust is { } t ? new SeverityRating(c, s, t) : null;
    }
}

/// <summary>A participant's hot-wash answers, once the exercise has ended.</summary>
public sealed record HotWashRequest(IReadOnlyList<HotWashAnswer?>? Answers, string? ClientActionId) : IParticipantRequest;

public sealed record MessageRequest(
    IReadOnlyList<string>? To,
    string? Subject,
    string? Body,
    string? RegardingInjectId,
    long? ForwardedFromSeq,
    string? ClientActionId) : IParticipantRequest;

/// <summary>A report form's answers on an inject that asks for one; the organization grain checks them against the form.</summary>
public sealed record ReportFormRequest(string? InjectId, IReadOnlyList<FieldAnswer?>? Answers, string? ClientActionId) : IParticipantRequest;

/// <summary>An organization's press statement: it appears in every participant's feed under the organization's name.</summary>
public sealed record StatementRequest(string? Headline, string? Body, string? ClientActionId) : IParticipantRequest;
