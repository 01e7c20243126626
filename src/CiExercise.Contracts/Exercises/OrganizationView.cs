namespace CiExercise.Contracts.Exercises;

[GenerateSerializer, Immutable, Alias("ciex.OrganizationView")]
public sealed record OrganizationView(
    [property: Id(0)] string ExerciseId,
    [property: Id(1)] string OrganizationId,
    [property: Id(2)] IReadOnlyList<InboxItem> Inbox,
    [property: Id(3)] IReadOnlyList<MessageItem> Sent,
    [property: Id(4)] IReadOnlyList<MessageItem> Received);
