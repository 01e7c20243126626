using Orleans.Concurrency;
using CiExercise.Contracts.Events;

namespace CiExercise.Contracts.Exercises;

/// <summary>
/// One organization in one exercise (key: <see cref="OrganizationKey"/>): what was delivered to it
/// and what it did. Its state is rebuilt from its stream in the event log on activation.
/// </summary>
[Alias("ciex.IOrganizationGrain")]
public interface IOrganizationGrain : IGrainWithStringKey
{
    /// <summary>
    /// Told by the exercise grain after the delivery rows are durable. One-way: the timeline does not wait
    /// for hundreds of organizations; interleaves: it only updates memory.
    /// </summary>
    [Alias("Delivered"), AlwaysInterleave, OneWay] Task Delivered(IReadOnlyList<ExerciseEvent> deliveries);

    /// <summary>Told by the sending organization after the message rows are durable.</summary>
    [Alias("MessageArrived"), AlwaysInterleave] Task MessageArrived(MessageItem message);

    [Alias("Acknowledge")]
    Task<ActionReceipt> Acknowledge(Actor actor, string injectId, string? clientActionId);

    /// <summary>
    /// Records a decision; severity is required when the inject asks for a severity rating, and refused when it does not.
    /// </summary>
    [Alias("Decide")]
    Task<ActionReceipt> Decide(Actor actor, string injectId, string? choiceId, string? text, SeverityRating? severity, string? clientActionId);

    [Alias("SendMessage")]
    Task<ActionReceipt> SendMessage(Actor actor, OutgoingMessage message, string? clientActionId);

    /// <summary>Told after the rows of a communication check reaching this organization are durable.</summary>
    [Alias("CheckReceived"), AlwaysInterleave] Task CheckReceived(IReadOnlyList<ExerciseEvent> received);

    /// <summary>Acknowledges a check this organization received; the first acknowledgement is the one that counts.</summary>
    [Alias("AcknowledgeCheck")] Task<ActionReceipt> AcknowledgeCheck(Actor actor, string checkId, string? clientActionId);

    /// <summary>
    /// Passes a received check on to the organizations that report to this one (acknowledging it too, if
    /// nobody had); the first pass counts, later ones are answered with it.
    /// </summary>
    [Alias("PassOnCheck")] Task<ActionReceipt> PassOnCheck(Actor actor, string checkId, string? clientActionId);

    /// <summary>
    /// Records a participant's hot-wash answers, only once the exercise has ended; answers are checked against the
    /// scenario's questions. A later submission by the same person replaces the earlier one in the review.
    /// </summary>
    [Alias("SubmitHotWash")] Task<ActionReceipt> SubmitHotWash(Actor actor, IReadOnlyList<HotWashAnswer> answers, string? clientActionId);

    /// <summary>
    /// Records that a participant's console subscribed (ParticipantJoined), once per person: the grain remembers who
    /// joined, so a repeat costs no write. In any status of the exercise.
    /// </summary>
    [Alias("Joined")] Task Joined(Actor actor);

    /// <summary>
    /// Records a report form's answers on an inject that asks for one, checked against its fields (required, type,
    /// bounds). It answers the inject (acknowledging it too, if nobody had). A later report replaces the earlier in views.
    /// </summary>
    [Alias("SubmitReport")]
    Task<ActionReceipt> SubmitReport(Actor actor, string injectId, IReadOnlyList<FieldAnswer> answers, string? clientActionId);

    [Alias("GetView"), ReadOnly] Task<OrganizationView> GetView();
}
