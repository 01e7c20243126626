using System.Globalization;
using CiExercise.Contracts.Scenarios;
using CiExercise.Scenarios.Reading;

namespace CiExercise.Scenarios.Sheets;

/// <summary>
/// The cells of each sheet for one scenario, keyed by column key: what the scenario file would say, in the cell
/// notation of <see cref="CellKind"/>. Values left at their default are left empty.
/// </summary>
internal static class MselCells
{
    public static Dictionary<string, string?> Scenario(Scenario scenario)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(scenario.TimeZone);
        var start = TimeZoneInfo.ConvertTime(scenario.StoryStart, zone);
        var cells = new Dictionary<string, string?>
        {
            ["id"] = scenario.Id,
            ["time-zone"] = scenario.TimeZone,
            ["start"] = start.ToString(start.Second == 0 ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
            ["duration"] = Duration(scenario.PlannedDuration),
            ["roles"] = Ids(Roles(scenario)),
        };
        Text(cells, "title", scenario.Title);
        Text(cells, "summary", scenario.Summary);
        return cells;
    }

    public static Dictionary<string, string?> Organization(Organization organization)
    {
        var cells = new Dictionary<string, string?>
        {
            ["id"] = organization.Id,
            ["sector"] = KebabNames<Sector>.NameOf(organization.Sector),
            ["reports-to"] = organization.ReportsTo,
            ["ceptoar"] = organization.Ceptoar,
            ["roles"] = Ids(organization.Roles),
            ["simulated"] = Flag(organization.Simulated),
        };
        Text(cells, "name", organization.Name);
        return cells;
    }

    public static Dictionary<string, string?> Phase(Phase phase)
    {
        var cells = new Dictionary<string, string?>
        {
            ["id"] = phase.Id,
            ["start"] = TimeSyntax.FormatOffset(phase.Start),
            ["end"] = phase.End is { } end ? TimeSyntax.FormatOffset(end) : null,
        };
        Text(cells, "name", phase.Name);
        return cells;
    }

    public static Dictionary<string, string?> Objective(Objective objective)
    {
        var cells = new Dictionary<string, string?>
        {
            ["id"] = objective.Id,
            ["capability"] = objective.Capability,
            ["tasks"] = objective.Tasks.Count == 0 ? null : FlowYaml.Write(y => y.List(objective.Tasks, (l, t) => l.Map(m => m.Entry("id", t.Id).Entry("text", x => LocalizedText(x, t.Text))))),
        };
        Text(cells, "text", objective.Text);
        return cells;
    }

    public static Dictionary<string, string?> Service(Service service)
    {
        var cells = new Dictionary<string, string?>
        {
            ["id"] = service.Id,
            ["organization"] = service.OrganizationId,
            ["recovery"] = Duration(service.RecoveryTime),
            ["depends-on"] = service.DependsOn.Count == 0 ? null : FlowYaml.Write(y => y.List(service.DependsOn,
                (l, d) => l.Map(m => m.Entry("service", d.ServiceId).Entry("tolerance", Duration(d.Tolerance))))),
        };
        Text(cells, "name", service.Name);
        return cells;
    }

    public static Dictionary<string, string?> Inject(Inject inject)
    {
        var hold = inject.Hold;
        var cells = new Dictionary<string, string?>
        {
            ["id"] = inject.Id,
            ["at"] = TimeSyntax.FormatOffset(inject.At),
            ["channel"] = KebabNames<Channel>.NameOf(inject.Channel),
            ["to"] = FlowYaml.Write(y => Recipients(y, inject.Recipients)),
            ["response-window"] = Duration(inject.ResponseWindow),
            ["objectives"] = Ids(inject.Objectives),
            ["choices"] = inject.Choices.Count == 0 ? null : FlowYaml.Write(y => y.List(inject.Choices, Choice)),
            ["incident"] = Flag(inject.Incident),
            ["escalation"] = Flag(inject.Escalation),
            ["severity"] = inject.Severity switch
            {
                null => null,
                { Expected: { } level } => FlowYaml.Write(y => y.Map(m => m.Entry("expected", Number(level)))),
                _ => "true",
            },
            ["when"] = hold?.When is { } when ? FlowYaml.Write(y => Condition(y, when)) : null,
            ["delay"] = hold is { Delay: var delay } && delay > TimeSpan.Zero ? Duration(delay) : null,
            ["deadline"] = hold?.Deadline is { } deadline ? TimeSyntax.FormatOffset(deadline) : null,
            ["unless"] = hold?.Unless is { } unless ? FlowYaml.Write(y => Condition(y, unless)) : null,
            ["effects"] = inject.Effects.Count == 0 ? null : FlowYaml.Write(y => y.List(inject.Effects,
                (l, e) => l.Map(m => m.Entry("service", e.ServiceId).Entry("to", KebabNames<ServiceStatus>.NameOf(e.To))))),
            ["form"] = inject.Form is { } form ? FlowYaml.Write(y => Form(y, form)) : null,
            ["handle"] = inject.Handle,
        };
        Text(cells, "from", inject.From);
        Text(cells, "title", inject.Title);
        Text(cells, "body", inject.Body);
        Text(cells, "expected-action", inject.ExpectedAction);
        Text(cells, "outlet", inject.Outlet);
        return cells;
    }

    public static Dictionary<string, string?> Review(ReviewSettings review)
    {
        var reach = review.ReachWithin;
        return new Dictionary<string, string?>
        {
            ["reach-within"] = FlowYaml.Write(y => y.Map(m => m
                .Entry("ministry", Duration(reach.Ministry)).Entry("national-centre", Duration(reach.NationalCentre))
                .Entry("ceptoar", Duration(reach.Ceptoar)).Entry("other-sector", Duration(reach.OtherSector)))),
            ["escalation-roles"] = Ids(review.EscalationRoles),
            ["hot-wash"] = FlowYaml.Write(y => y.List(review.HotWash, (l, q) => l.Map(m => m
                .Entry("id", q.Id).Entry("text", x => LocalizedText(x, q.Text))
                .Entry("kind", KebabNames<HotWashQuestionKind>.NameOf(q.Kind)).Entry("required", Flag(q.Required))))),
        };
    }

    /// <summary>
    /// The scenario's roles. The contract keeps only each organization's, so they are those, then any other a
    /// recipient list or the review names, in order of first use: every role the scenario refers to stays known.
    /// </summary>
    private static IEnumerable<string> Roles(Scenario scenario) =>
        scenario.Organizations.SelectMany(o => o.Roles)
            .Concat(scenario.Injects.SelectMany(i => i.Recipients.Roles))
            .Concat(scenario.Review.EscalationRoles)
            .Distinct(StringComparer.Ordinal);

    private static void Recipients(FlowYaml y, Recipients to)
    {
        if (to is { Everyone: true, Organizations.Count: 0, Sectors.Count: 0, Roles.Count: 0 })
        {
            y.Value("everyone");
            return;
        }

        y.Map(m =>
        {
            if (to.Everyone) m.Entry("everyone", "true");
            if (to.Organizations.Count > 0) m.Entry("organizations", l => l.List(to.Organizations, (s, o) => s.Value(o)));
            if (to.Sectors.Count > 0) m.Entry("sectors", l => l.List(to.Sectors, (s, o) => s.Value(KebabNames<Sector>.NameOf(o))));
            if (to.Roles.Count > 0) m.Entry("roles", l => l.List(to.Roles, (s, o) => s.Value(o)));
        });
    }

    private static void Choice(FlowYaml y, Choice choice) => y.Map(m =>
    {
        m.Entry("id", choice.Id).Entry("text", x => LocalizedText(x, choice.Text));
        if (choice.Restores.Count > 0) m.Entry("restores", l => l.List(choice.Restores, (s, r) => s.Value(r)));
    });

    private static void Condition(FlowYaml y, Condition condition) => y.Map(m =>
    {
        var key = KebabNames<ConditionKind>.NameOf(condition.Kind);
        switch (condition.Kind)
        {
            case ConditionKind.AllOf or ConditionKind.AnyOf:
                m.Entry(key, l => l.List(condition.Of, Condition));
                break;
            case ConditionKind.Delivered:
                m.Entry(key, condition.InjectId);
                break;
            default:
                m.Entry(key, x => x.Map(c => c
                    .Entry("id", condition.ServiceId)
                    .Entry(condition.Kind == ConditionKind.Message ? "regarding" : "inject", condition.InjectId)
                    .Entry("choice", condition.ChoiceId)
                    .Entry("to", condition.To)
                    .Entry("state", condition.State is { } state ? KebabNames<ServiceStatus>.NameOf(state) : null)
                    .Entry("at-least", condition.AtLeast is { } level ? Number(level) : null)
                    .Entry("at", condition.At is { } at ? TimeSyntax.FormatOffset(at) : null)
                    .Do(c2 => Scope(c2, condition.By))));
                break;
        }
    });

    /// <summary>by: an organization id, {sector, share} or {share}; nothing for anyone.</summary>
    private static void Scope(FlowYaml y, ConditionScope by)
    {
        if (by.OrganizationId is { } organization)
        {
            y.Entry("by", organization);
        }
        else if (by.Sector is not null || by.Share is not null)
        {
            y.Entry("by", x => x.Map(s => s
                .Entry("sector", by.Sector is { } sector ? KebabNames<Sector>.NameOf(sector) : null)
                .Entry("share", by.Share is { } share ? share.ToString("R", CultureInfo.InvariantCulture) : null)));
        }
    }

    private static void Form(FlowYaml y, ReportForm form) => y.Map(m => m
        .Entry("title", x => LocalizedText(x, form.Title))
        .Entry("fields", l => l.List(form.Fields, (s, f) => s.Map(field =>
        {
            field.Entry("id", f.Id).Entry("label", x => LocalizedText(x, f.Label)).Entry("type", KebabNames<FieldType>.NameOf(f.Type));
            field.Entry("required", Flag(f.Required));
            if (f.Options.Count > 0) field.Entry("options", o => o.List(f.Options, Choice));
            field.Entry("min", f.Min?.ToString(CultureInfo.InvariantCulture)).Entry("max", f.Max?.ToString(CultureInfo.InvariantCulture))
                .Entry("max-length", f.MaxLength is { } length ? Number(length) : null);
            if (f.Help is { } help) field.Entry("help", x => LocalizedText(x, help));
        }))));

    /// <summary>A text inside YAML flow: one value when both languages say the same, else {ja, en}.</summary>
    private static void LocalizedText(FlowYaml y, LocalizedText text)
    {
        if (text.Ja is not null && text.Ja == text.En)
        {
            y.Value(text.Ja);
            return;
        }

        y.Map(m => m.Entry("ja", text.Ja).Entry("en", text.En));
    }

    private static void Text(Dictionary<string, string?> cells, string key, LocalizedText? text)
    {
        cells[$"{key}-ja"] = text?.Ja;
        cells[$"{key}-en"] = text?.En;
    }

    private static string? Flag(bool value) => value ? "true" : null;

    private static string? Ids(IEnumerable<string> ids) => ids.Any() ? string.Join(", ", ids) : null;

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Duration(TimeSpan? duration) => duration is { } d ? TimeSyntax.FormatOffset(d)[1..] : null;
}
