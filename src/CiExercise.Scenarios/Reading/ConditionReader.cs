using System.Globalization;
using CiExercise.Contracts;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;
using CiExercise.Scenarios.Yaml;

namespace CiExercise.Scenarios.Reading;

/// <summary>
/// Reads the conditions of one inject (its when and its unless): each a mapping with exactly one key, the kind.
/// One reader per inject, so the count bound covers both trees together.
/// </summary>
internal sealed class ConditionReader(ValueReader values, string what)
{
    private static readonly string[] ScopeKeys = ["sector", "share"];

    private static readonly Dictionary<ConditionKind, string[]> Keys = new()
    {
        [ConditionKind.Decision] = ["inject", "choice", "by"],
        [ConditionKind.NotAcknowledged] = ["inject", "by", "at"],
        [ConditionKind.Message] = ["to", "by", "regarding"],
        [ConditionKind.Service] = ["id", "state"],
        [ConditionKind.Severity] = ["inject", "at-least", "by"],
        [ConditionKind.Statement] = ["by"],
        [ConditionKind.Report] = ["inject", "by"],
    };

    private int _count;

    public ConditionDraft? Read(YamlNode? node, string part) => node is null ? null : Read(node, $"{part} of {what}", 1);

    private ConditionDraft? Read(YamlNode node, string where, int depth)
    {
        if (depth > ScenarioLimits.MaxConditionDepth)
        {
            values.Diagnostics.Error(node.Start, DiagnosticCodes.TooMany,
                $"conditions of {what} nest deeper than {ScenarioLimits.MaxConditionDepth} levels of all-of / any-of");
            return null;
        }

        if (++_count == ScenarioLimits.MaxConditions + 1)
        {
            values.Diagnostics.Error(node.Start, DiagnosticCodes.TooMany,
                $"{what} has more than {ScenarioLimits.MaxConditions} conditions (when and unless together)");
        }

        if (_count > ScenarioLimits.MaxConditions)
        {
            return null;
        }

        if (node is not YamlMapping { Entries.Count: 1 } map)
        {
            if (node is YamlMapping)
            {
                values.Diagnostics.Error(node.Start, DiagnosticCodes.InvalidValue,
                    $"a condition in {where} has exactly one key (its kind); combine several with all-of or any-of");
            }
            else
            {
                values.WrongType(node, $"a condition in {where} must be a mapping with one key: {string.Join(", ", KebabNames<ConditionKind>.Names)}");
            }

            return null;
        }

        var (key, value) = (map.Entries[0].Key, map.Entries[0].Value);
        if (!KebabNames<ConditionKind>.TryParse(key.Value, out var kind))
        {
            values.Diagnostics.Error(key.Start, DiagnosticCodes.UnknownKey,
                $"unknown condition '{Limits.Quote(key.Value)}' in {where}; expected one of: {string.Join(", ", KebabNames<ConditionKind>.Names)}");
            return null;
        }

        var label = $"'{key.Value}' in {where}";
        return kind switch
        {
            ConditionKind.AllOf or ConditionKind.AnyOf => ReadCombination(kind, key.Start, value, label, where, depth),
            ConditionKind.Delivered => values.Id(value, $"inject of {label}") is { } inject
                ? new ConditionDraft(new Condition(kind) { InjectId = inject.Id }, key.Start, []) { Inject = inject }
                : null,
            ConditionKind.Statement when value is YamlScalar { IsNull: true } => new ConditionDraft(new Condition(kind), key.Start, []),
            _ => ReadLeaf(kind, key.Start, value, label),
        };
    }

    private ConditionDraft? ReadCombination(ConditionKind kind, SourcePosition at, YamlNode value, string label, string where, int depth)
    {
        var parts = values.List(value, label, n => Read(n, where, depth + 1));
        if (value is YamlSequence { Items.Count: 0 })
        {
            values.Diagnostics.Error(value.Start, DiagnosticCodes.MissingField, $"{label} lists no condition");
            return null;
        }

        return parts.Count == 0 ? null : new ConditionDraft(new Condition(kind) { Of = parts.Select(p => p.Value).ToArray() }, at, parts);
    }

    private ConditionDraft? ReadLeaf(ConditionKind kind, SourcePosition at, YamlNode value, string label)
    {
        var map = values.Mapping(value, label, Keys[kind]);
        if (map is null)
        {
            return null;
        }

        var inject = kind switch
        {
            ConditionKind.Message => values.Id(map.Optional("regarding"), $"regarding of {label}"),
            ConditionKind.Statement or ConditionKind.Service => null,
            _ => values.Id(map.Required("inject"), $"inject of {label}"),
        };
        var by = ReadScope(map.Optional("by"), label);
        var condition = new Condition(kind) { InjectId = inject?.Id, By = by?.Value ?? ConditionScope.Anyone };
        var draft = new ConditionDraft(condition, at, []) { Inject = inject, By = by };
        switch (kind)
        {
            case ConditionKind.Decision:
                var choice = values.Id(map.Optional("choice"), $"choice of {label}");
                return inject is null ? null : draft with { Value = condition with { ChoiceId = choice?.Id }, Choice = choice };
            case ConditionKind.NotAcknowledged:
                var atNode = map.Required("at");
                var time = values.Offset(atNode, $"'at' of {label}");
                return inject is null || time is null ? null : draft with { Value = condition with { At = time }, DetailAt = atNode!.Start };
            case ConditionKind.Message:
                var to = values.Id(map.Required("to"), $"'to' of {label}");
                return to is null ? null : draft with { Value = condition with { To = to.Id }, To = to };
            case ConditionKind.Service:
                var service = values.Id(map.Required("id"), $"service of {label}");
                var stateNode = map.Required("state");
                var state = ServiceReader.ReadState(values, stateNode, $"state of {label}");
                return service is null || state is null
                    ? null
                    : new ConditionDraft(new Condition(kind) { ServiceId = service.Id, State = state }, at, []) { Service = service, DetailAt = stateNode!.Start };
            case ConditionKind.Severity:
                var level = values.Integer(map.Required("at-least"), $"at-least of {label}", 0, SeverityRating.MaxLevel, DiagnosticCodes.SeverityOutOfRange);
                return inject is null || level is null ? null : draft with { Value = condition with { AtLeast = level } };
            default:
                return kind == ConditionKind.Report && inject is null ? null : draft;
        }
    }

    /// <summary>SCOPE: an organization id, or { sector?, share? } (share: the part that must act, 0 &lt; share ≤ 1).</summary>
    private ScopeDraft? ReadScope(YamlNode? node, string label)
    {
        if (node is YamlScalar)
        {
            var organization = values.Id(node, $"'by' of {label}");
            return organization is null ? null : new ScopeDraft(new ConditionScope(organization.Id, null, null), node.Start, organization);
        }

        var map = values.Mapping(node, $"'by' of {label}", ScopeKeys);
        if (map is null)
        {
            return null;
        }

        var sectorNode = map.Optional("sector");
        var sector = OrganizationReader.ReadSector(values, sectorNode, $"'by' of {label}");
        var shareNode = values.Scalar(map.Optional("share"), $"share in 'by' of {label}");
        double? share = null;
        if (shareNode is not null)
        {
            if (double.TryParse(shareNode.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var part) && part is > 0 and <= 1)
            {
                share = part;
            }
            else
            {
                values.Diagnostics.Error(shareNode.Start, DiagnosticCodes.InvalidValue,
                    $"share in 'by' of {label} is '{Limits.Quote(shareNode.Value)}'; write the part that must act, above 0 and at most 1 (0.5 is half)");
                return null;
            }
        }

        if (sectorNode is null && shareNode is null)
        {
            values.Diagnostics.Error(map.Start, DiagnosticCodes.MissingField,
                $"'by' of {label} names no one; give an organization id, or sector and/or share");
            return null;
        }

        return sectorNode is not null && sector is null ? null : new ScopeDraft(new ConditionScope(null, sector, share), map.Start, null);
    }
}
