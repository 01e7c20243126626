using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Server.Requests;

/// <summary>
/// An ad-hoc inject as a controller writes it; lists may be left out. The exercise grain checks it
/// against the scenario (organizations, roles, objectives) like a scripted one.
/// </summary>
public sealed record AdHocInjectRequest(
    RecipientsRequest? Recipients,
    LocalizedText? From,
    Channel? Channel,
    LocalizedText? Title,
    LocalizedText? Body,
    LocalizedText? ExpectedAction,
    TimeSpan? ResponseWindow,
    IReadOnlyList<string>? Objectives,
    IReadOnlyList<Choice>? Choices)
{
    public AdHocInject ToInject() => new(
        Recipients!.ToRecipients(), From ?? LocalizedText.Empty, Channel!.Value, Title!, Body ?? LocalizedText.Empty,
        ExpectedAction, ResponseWindow, Objectives ?? [], Choices ?? []);
}

public sealed record RecipientsRequest(
    bool? Everyone,
    IReadOnlyList<string>? Organizations,
    IReadOnlyList<Sector>? Sectors,
    IReadOnlyList<string>? Roles)
{
    public bool SelectsSomething => Everyone == true || Organizations is { Count: > 0 } || Sectors is { Count: > 0 };

    public Recipients ToRecipients() => new(Everyone ?? false, Organizations ?? [], Sectors ?? [], Roles ?? []);
}
