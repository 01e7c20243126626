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

    [Alias("Decide")]
    Task<ActionReceipt> Decide(Actor actor, string injectId, string? choiceId, string? text, string? clientActionId);

    [Alias("SendMessage")]
    Task<ActionReceipt> SendMessage(Actor actor, OutgoingMessage message, string? clientActionId);

    [Alias("GetView"), ReadOnly] Task<OrganizationView> GetView();
}
