using CiExercise.Contracts.Events;
using CiExercise.Contracts.Events.Payloads;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Idempotency;

namespace CiExercise.Grains.Organizations;

/// <summary>
/// Report forms: an inject that asks for a structured report is answered with the form's fields, checked against
/// it, and recorded as one event that answers the inject like a decision (and acknowledges it, if nobody had).
/// </summary>
public sealed partial class OrganizationGrain
{
    public async Task<ActionReceipt> SubmitReport(Actor actor, string injectId, IReadOnlyList<FieldAnswer> answers, string? clientActionId)
    {
        var key = new ActionKey(clientActionId, ClientActionId.Fingerprint(nameof(SubmitReport), injectId, answers));
        if (Replayed(key) is { } replayed) return replayed;
        var (entry, clock) = await Delivery(actor, injectId);
        var form = FormOf(injectId)
                   ?? throw Rules.Invalid("report.no-form", $"Inject '{injectId}' asks for no report form; answer it with a decision.");
        var kept = ReportAnswers.Check(injectId, form, answers);
        return await Answer(actor, entry, clock, key, EventKind.ReportSubmitted, new ReportSubmittedPayload(kept, key.Id, key.Stored));
    }
}
