using CiExercise.Contracts.Scenarios;
using CiExercise.Scenarios.Yaml;

namespace CiExercise.Scenarios.Reading;

internal static class PhaseReader
{
    private static readonly string[] Keys = ["id", "name", "start", "end"];

    public static PhaseDraft? Read(YamlNode node, ValueReader values)
    {
        var map = values.Mapping(node, "a phase", Keys);
        if (map is null)
        {
            return null;
        }

        var id = values.Id(map.Required("id"), "phase id");
        var what = $"phase '{id?.Id}'";
        map.NameAs(what);
        var name = values.Text(map.Required("name"), $"name of {what}");
        var startNode = map.Required("start");
        var start = values.Offset(startNode, $"start of {what}");
        var endNode = map.Optional("end");
        var end = values.Offset(endNode, $"end of {what}");

        var phase = new Phase(id?.Id ?? "", name ?? LocalizedText.Empty, start ?? TimeSpan.Zero, end);
        return new PhaseDraft(phase, id?.At ?? map.Start, start is null ? null : startNode!.Start, end is null ? null : endNode!.Start);
    }
}
