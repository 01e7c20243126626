using CiExercise.Contracts.Events;
using CiExercise.Contracts.Exercises;
using CiExercise.Contracts.Scenarios;
using CiExercise.Server.Scenarios;
using CiExercise.Server.Tests.Realtime;
using Microsoft.Extensions.DependencyInjection;

namespace CiExercise.Server.Tests.Infrastructure;

/// <summary>
/// The server-test scenario with the control cell's voices: the ministry played by the control cell (simulated),
/// i1-alert a social-media post to the bank's staff, i2-outage (bank, power) asking for an incident report form,
/// i3-water a news article that reaches water only.
/// </summary>
internal static class VoicesScenario
{
    public static ReportForm Form { get; } = new(new LocalizedText("インシデント報告", "Incident report"),
    [
        new FormField("attack", new LocalizedText("攻撃種別", "Attack type"), FieldType.Choice, true)
        {
            Options = [new Choice("ddos", new LocalizedText("DDoS", "DDoS")), new Choice("ransomware", new LocalizedText("ランサムウェア", "Ransomware"))],
        },
        new FormField("breached", new LocalizedText("SLA違反", "Service level breached"), FieldType.YesNo, true),
        new FormField("customers", new LocalizedText("影響顧客数", "Customers affected"), FieldType.Number, false) { Min = 0, Max = 100_000_000 },
    ]);

    /// <summary>A started exercise of the scenario with i1-alert and i2-outage delivered (its clock at +00:10).</summary>
    public static async Task<string> StartedAsync(HubHarness hub)
    {
        var scenario = hub.Services.GetRequiredService<ScenarioLibraryState>().Find(TestScenario.Id)!.Scenario;
        scenario = scenario with
        {
            Organizations = scenario.Organizations.Select(o => o.Id == "ministry" ? o with { Simulated = true } : o).ToArray(),
            Injects = scenario.Injects.Select(i => i.Id switch
            {
                "i1-alert" => i with { Channel = Channel.SocialMedia, Outlet = new LocalizedText("チャーパー", "Chirper"), Handle = "@toto_watch" },
                "i2-outage" => i with { Form = Form },
                "i3-water" => i with { Channel = Channel.News, Outlet = new LocalizedText("毎朝新聞", "Maiasa Shimbun") },
                _ => i,
            }).ToArray(),
        };
        var id = ApiClient.NewId();
        await hub.Exercise(id).Create("voices", scenario, HubHarness.Control);
        await hub.Exercise(id).Start(HubHarness.Control);
        await hub.Exercise(id).JumpToNextInject(HubHarness.Control);
        await Eventually.WaitAsync(() => hub.Exercise(id).GetView(), v => v.Injects.Count(i => i.Status == InjectStatus.Fired) == 2, "i1 and i2 to fire");
        return id;
    }
}
