using CiExercise.Contracts.Scenarios;

namespace CiExercise.Scenarios.Reading;

// What the section readers produce: the contract value (with placeholders where a field was broken and
// already reported) plus the positions the cross-reference checks point at.

internal sealed record OrganizationDraft(
    Organization Value, SourcePosition IdAt, IdRef? ReportsTo, IReadOnlyList<IdRef> Roles, IdRef? Ceptoar = null);

internal sealed record ObjectiveDraft(Objective Value, SourcePosition IdAt);

internal sealed record PhaseDraft(Phase Value, SourcePosition IdAt, SourcePosition? StartAt, SourcePosition? EndAt);

internal sealed record RecipientsDraft(Recipients Value, SourcePosition At, IReadOnlyList<IdRef> Organizations, IReadOnlyList<IdRef> Roles);

internal sealed record ReviewDraft(ReviewSettings Value, IReadOnlyList<IdRef> EscalationRoles);

internal sealed record InjectDraft(
    Inject Value,
    SourcePosition IdAt,
    SourcePosition? AtPosition,
    bool AtKnown,
    RecipientsDraft? To,
    IReadOnlyList<IdRef> Objectives)
{
    public IReadOnlyList<ChoiceDraft> Choices { get; init; } = [];

    public HoldDraft? Hold { get; init; }

    public IReadOnlyList<EffectDraft> Effects { get; init; } = [];
}

internal sealed record ChoiceDraft(Choice Value, IdRef Id, IReadOnlyList<IdRef> Restores);

internal sealed record ServiceDraft(Service Value, SourcePosition IdAt, IdRef? Organization, IReadOnlyList<DependencyDraft> DependsOn);

internal sealed record DependencyDraft(ServiceDependency Value, IdRef Service);

internal sealed record EffectDraft(ServiceEffect Value, IdRef Service);

/// <summary>DeadlineAt: where the deadline is written, for the checks that compare it with the inject's times.</summary>
internal sealed record HoldDraft(InjectHold Value, ConditionDraft? When, ConditionDraft? Unless, SourcePosition? DeadlineAt);

/// <summary>Who a condition counts, with where its organization or sector is written.</summary>
internal sealed record ScopeDraft(ConditionScope Value, SourcePosition At, IdRef? Organization);

/// <summary>
/// One condition with the positions of what it names. Of holds the parts of all-of / any-of; the references
/// are set only for the kinds that have them (see ConditionKind).
/// </summary>
internal sealed record ConditionDraft(Condition Value, SourcePosition At, IReadOnlyList<ConditionDraft> Of)
{
    public IdRef? Inject { get; init; }

    public IdRef? Choice { get; init; }

    public ScopeDraft? By { get; init; }

    public IdRef? To { get; init; }

    public IdRef? Service { get; init; }

    /// <summary>Where the not-acknowledged 'at' or the service 'state' is written.</summary>
    public SourcePosition? DetailAt { get; init; }

    public bool IsCombination => Value.Kind is ConditionKind.AllOf or ConditionKind.AnyOf;

    /// <summary>The conditions that watch the record, all-of / any-of taken apart.</summary>
    public IEnumerable<ConditionDraft> Leaves => IsCombination ? Of.SelectMany(c => c.Leaves) : [this];
}
