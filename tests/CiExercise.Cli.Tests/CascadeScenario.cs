namespace CiExercise.Cli.Tests;

/// <summary>
/// A grid that goes down at +00:10 and the pumps that run 30 minutes without it; a consequence inject held until the
/// pumps are down, and a thank-you held until the power company decides on the outage (and files its report form).
/// </summary>
internal static class CascadeScenario
{
    public const string Text = """
        id: cascade
        title: Cascade
        time-zone: Asia/Tokyo
        start: 2025-11-18T09:00
        duration: "02:00"
        roles: [staff]
        organizations:
          - id: meti
            name: METI
            sector: ministry
            simulated: true
          - id: power
            name: Power
            sector: electric-power
            reports-to: meti
          - id: water
            name: Water
            sector: water
            reports-to: meti
        services:
          - id: grid
            name: Grid
            organization: power
            recovery: "00:20"
          - id: pumps
            name: Pumps
            organization: water
            depends-on:
              - { service: grid, tolerance: "00:30" }
        objectives:
          - id: o1
            text: Keep the water running
            capability: continuity
        injects:
          - id: outage
            at: "+00:10"
            to: { organizations: [power, meti] }
            from: Grid control
            channel: system-alert
            title: Grid down
            body: The grid is down.
            effects:
              - { service: grid, to: down }
            choices:
              - { id: restore, text: Restore, restores: [grid] }
              - { id: wait, text: Wait }
            form:
              title: Outage report
              fields:
                - { id: cause, label: Cause, type: choice, required: true, options: [{ id: attack, text: Attack }, { id: fault, text: Fault }] }
                - { id: customers, label: Customers, type: number, required: true, min: 0, max: 5000 }
                - { id: detected, label: Detected at, type: date-time }
                - { id: level, label: Severity, type: severity }
                - { id: breached, label: SLA breached, type: yes-no, required: true }
                - { id: notes, label: Notes, type: text, max-length: 12 }
            objectives: [o1]
          - id: pumps-stopped
            to: { organizations: [water] }
            from: Operations
            channel: phone
            title: Pumps stopped
            body: The pumps have stopped.
            when: { service: { id: pumps, state: down } }
            objectives: [o1]
          - id: thanks
            to: { organizations: [power] }
            from: METI
            channel: email
            title: Thanks
            body: Thank you for deciding.
            when: { decision: { inject: outage, by: power } }
            objectives: [o1]
        """;

    public static string WriteTo(string folder) => TestFiles.Write(folder, "cascade.yaml", Text);
}
