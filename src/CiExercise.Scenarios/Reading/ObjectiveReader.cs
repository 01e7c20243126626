using CiExercise.Contracts.Scenarios;
using CiExercise.Scenarios.Yaml;

namespace CiExercise.Scenarios.Reading;

internal static class ObjectiveReader
{
    private static readonly string[] Keys = ["id", "text", "capability"];

    public static ObjectiveDraft? Read(YamlNode node, ValueReader values)
    {
        var map = values.Mapping(node, "an objective", Keys);
        if (map is null)
        {
            return null;
        }

        var id = values.Id(map.Required("id"), "objective id");
        var what = $"objective '{id?.Id}'";
        map.NameAs(what);
        var text = values.Text(map.Required("text"), $"text of {what}");
        var capability = values.String(map.Required("capability"), $"capability of {what}");
        return new ObjectiveDraft(new Objective(id?.Id ?? "", text ?? LocalizedText.Empty, capability ?? ""), id?.At ?? map.Start);
    }
}
