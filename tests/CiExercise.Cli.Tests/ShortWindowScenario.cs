namespace CiExercise.Cli.Tests;

/// <summary>
/// A bank that gets one incident inject with a 30-minute window, its ministry (played by the control cell), and a
/// waterworks nothing is sent to. A prompt participant needs 75 s of wall time to decide: 75 minutes at speed 60.
/// </summary>
internal static class ShortWindowScenario
{
    public const string Text = """
        id: short-window
        title: Short window
        time-zone: Asia/Tokyo
        start: 2025-11-18T09:00
        duration: "02:00"
        roles: [staff]
        organizations:
          - id: bank
            name: Bank
            sector: finance
            reports-to: fsa
          - id: fsa
            name: FSA
            sector: ministry
            simulated: true
          - id: waterworks
            name: Waterworks
            sector: water
        objectives:
          - id: o1
            text: Report
            capability: reporting
        injects:
          - id: i1
            at: "+00:30"
            to: { organizations: [bank] }
            from: Attacker
            channel: email
            title: Ransom
            body: Pay
            response-window: "00:30"
            incident: true
            choices:
              - { id: pay, text: Pay }
              - { id: refuse, text: Refuse }
            objectives: [o1]
        """;

    public static string WriteTo(string folder) => TestFiles.Write(folder, "short-window.yaml", Text);
}
