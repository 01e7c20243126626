namespace CiExercise.Contracts.Scenarios;

/// <summary>
/// A validated scenario (the MSEL). StoryStart is the story date and time at scenario offset zero,
/// with the offset of the scenario's time zone.
/// </summary>
[GenerateSerializer, Immutable, Alias("ciex.Scenario")]
public sealed record Scenario(
    [property: Id(0)] string Id,
    [property: Id(1)] LocalizedText Title,
    [property: Id(2)] LocalizedText Summary,
    [property: Id(3)] string TimeZone,
    [property: Id(4)] DateTimeOffset StoryStart,
    [property: Id(5)] TimeSpan? PlannedDuration,
    [property: Id(6)] IReadOnlyList<Phase> Phases,
    [property: Id(7)] IReadOnlyList<Organization> Organizations,
    [property: Id(8)] IReadOnlyList<Objective> Objectives,
    [property: Id(9)] IReadOnlyList<Inject> Injects)
{
    /// <summary>What the after-action review measures against: reach windows, escalation roles, hot-wash questions.</summary>
    [Id(10)] public ReviewSettings Review { get; init; } = ReviewSettings.Default;

    /// <summary>The services organizations run and what depends on what.</summary>
    [Id(11)] public IReadOnlyList<Service> Services { get; init; } = [];

    /// <summary>Whether the timeline must watch the record: some inject is conditional, or there are services.</summary>
    public bool HasDynamics => Services.Count > 0 || Injects.Any(i => i.Hold is not null);

    public Service? FindService(string id) => Services.FirstOrDefault(s => s.Id == id);

    public Organization? FindOrganization(string id) => Organizations.FirstOrDefault(o => o.Id == id);

    public Inject? FindInject(string id) => Injects.FirstOrDefault(i => i.Id == id);

    /// <summary>The organizations an inject reaches, in scenario order, each with the roles that see it.</summary>
    public IReadOnlyList<DeliveryTarget> ResolveRecipients(Recipients recipients) =>
        Organizations
            .Where(o => recipients.Everyone
                        || recipients.Organizations.Contains(o.Id)
                        || recipients.Sectors.Contains(o.Sector))
            .Select(o => new DeliveryTarget(o.Id, recipients.Roles.Where(o.Roles.Contains).ToArray()))
            .Where(t => recipients.Roles.Count == 0 || t.Roles.Count > 0)
            .ToArray();
}
