using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;

namespace CiExercise.Grains.Tests;

/// <summary>
/// The test scenario with what the control cell's voices need: fsa and meti played by the control cell (simulated),
/// a report form on i02 (to bank and card, at +01:00), i03 a social-media post and i04 a news article.
/// </summary>
internal static class VoicesScenario
{
    public const string FormInject = "i02";
    public static readonly Actor Control = Actor.Controller("director");
    public static readonly Actor AsFsa = Actor.ControllerAs("director", "fsa");
    public static readonly Actor BankCiso = new("Sato", "ciso", "bank");
    public static readonly Actor CardCiso = new("Ito", "ciso", "card");

    private static LocalizedText T(string en) => new($"{en}（日本語）", en);

    public static ReportForm Form { get; } = new(T("Incident report"),
    [
        new FormField("attack", T("Attack type"), FieldType.Choice, true) { Options = [new Choice("ddos", T("DDoS")), new Choice("ransomware", T("Ransomware"))] },
        new FormField("breached", T("Service level breached"), FieldType.YesNo, true),
        new FormField("detected-at", T("Detected at"), FieldType.DateTime, false),
        new FormField("impact", T("Impact"), FieldType.Severity, false),
        new FormField("customers", T("Customers affected"), FieldType.Number, false) { Min = 0, Max = 1_000_000 },
        new FormField("notes", T("Notes"), FieldType.Text, false) { MaxLength = 20 },
    ]);

    public static Scenario Create()
    {
        var scenario = TestScenario.Create(5, TimeSpan.FromHours(1), "voices");
        return scenario with
        {
            Organizations = scenario.Organizations.Select(o => o.Id is "fsa" or "meti" ? o with { Simulated = true } : o).ToArray(),
            Injects = scenario.Injects.Select(i => i.Id switch
            {
                FormInject => i with { Form = Form },
                "i03" => i with { Channel = Channel.SocialMedia, Outlet = T("Chirper"), Handle = "@kobe_resident" },
                "i04" => i with { Channel = Channel.News, Outlet = T("Maiasa Shimbun") },
                _ => i,
            }).ToArray(),
        };
    }

    /// <summary>A started exercise of this scenario with i01 and i02 fired (scenario time +01:00).</summary>
    public static async Task<(IExerciseGrain Grain, string Id)> StartedAsync(EngineCluster engine)
    {
        var id = "ex-" + Guid.NewGuid().ToString("N")[..10];
        var grain = engine.Grains.GetGrain<IExerciseGrain>(id);
        await grain.Create("Voices", Create(), Control);
        await grain.Start(Control);
        await grain.JumpToNextInject(Control);
        await Eventually.Until(grain.GetView, v => v.Injects.Count(i => i.Status == InjectStatus.Fired) >= 2, "i01 and i02 to fire");
        return (grain, id);
    }

    public static IOrganizationGrain Organization(EngineCluster engine, string exerciseId, string organizationId) =>
        engine.Grains.GetGrain<IOrganizationGrain>(OrganizationKey.Of(exerciseId, organizationId));
}
