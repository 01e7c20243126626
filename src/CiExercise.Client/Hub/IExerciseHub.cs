using CiExercise.Contracts.CommunicationChecks;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Presence;

namespace CiExercise.Client.Hub;

/// <summary>
/// What a console calls on the server. Who acts (exercise, organization, role, name) comes from the
/// signed-in principal, never from arguments; every method checks it on the server. Every action takes the
/// client's key for it (clientActionId, 1 to 100 characters of A-Z a-z 0-9 . _ : -): a resend with the same key
/// is answered with the first receipt (Duplicate) and recorded once; the key reused for another action is
/// refused with idempotency.key-reused, a malformed one with request.invalid-key.
/// </summary>
public interface IExerciseHub
{
    /// <summary>
    /// Sends every event after afterSeq that the caller may see (Event calls, then CaughtUp), then keeps
    /// the connection subscribed to live events. Returns the highest sequence number replayed. A participant's
    /// first subscription is recorded (ParticipantJoined, once per person) for the review's participation figures.
    /// </summary>
    Task<long> Subscribe(string exerciseId, long afterSeq);

    Task<ExerciseView> GetExercise(string exerciseId);

    Task<OrganizationView> GetOrganization(string exerciseId, string organizationId);

    Task<ActionReceipt> Acknowledge(string exerciseId, string injectId, string? clientActionId);

    /// <summary>Severity: required when the inject asks for a severity rating (decision.severity-required), refused otherwise.</summary>
    Task<ActionReceipt> Decide(string exerciseId, string injectId, string? choiceId, string? text, SeverityRating? severity, string? clientActionId);

    Task<ActionReceipt> SendMessage(string exerciseId, OutgoingMessage message, string? clientActionId);

    /// <summary>
    /// Participants: a report form's answers on an inject that asks for one (report.no-form otherwise), checked against
    /// the form (report.* codes name the field). It answers the inject like a decision, and acknowledges it if nobody had.
    /// </summary>
    Task<ActionReceipt> SubmitReport(string exerciseId, string injectId, IReadOnlyList<FieldAnswer> answers, string? clientActionId);

    /// <summary>Participants: their organization's press statement, in every participant's feed (in play only).</summary>
    Task<ActionReceipt> PublishStatement(string exerciseId, string headline, string body, string? clientActionId);

    Task<ActionReceipt> RecordObservation(string exerciseId, Observation observation, string? clientActionId);

    /// <summary>Evaluators: a P/S/M/U rating of a critical task, with the seqs of its evidence (also after the end).</summary>
    Task<ActionReceipt> RateTask(string exerciseId, TaskRating rating, string? clientActionId);

    /// <summary>Participants: the hot-wash answers, once the exercise has ended (exercise.not-ended before).</summary>
    Task<ActionReceipt> SubmitHotWash(string exerciseId, IReadOnlyList<HotWashAnswer> answers, string? clientActionId);

    /// <summary>Staff only: who is connected now (also pushed to staff as Presence when it changes).</summary>
    Task<PresenceView> GetPresence(string exerciseId);

    /// <summary>Controllers: a communication check down the reporting chain or to everyone (draft too).</summary>
    Task<CheckStarted> StartCommunicationCheck(string exerciseId, CheckRoute route, string message, string? clientActionId);

    Task<ActionReceipt> CloseCommunicationCheck(string exerciseId, string checkId, string? clientActionId);

    /// <summary>Participants: their organization received the check.</summary>
    Task<ActionReceipt> AcknowledgeCheck(string exerciseId, string checkId, string? clientActionId);

    /// <summary>Participants: pass the check on to the organizations that report to theirs (acknowledges it too).</summary>
    Task<ActionReceipt> PassOnCheck(string exerciseId, string checkId, string? clientActionId);
}
