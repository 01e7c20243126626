using CiExercise.Contracts.Scenarios;
using CiExercise.Scenarios.Yaml;

namespace CiExercise.Scenarios.Reading;

internal static class ObjectiveReader
{
    private static readonly string[] Keys = ["id", "text", "capability", "tasks"];
    private static readonly string[] TaskKeys = ["id", "text"];

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
        var tasks = values.List(map.Optional("tasks"), $"tasks of {what}", n => ReadTask(values, n, what));
        Uniqueness.Check(values.Diagnostics, tasks.Select(t => t.Id), $"task id in {what}");
        var objective = new Objective(id?.Id ?? "", text ?? LocalizedText.Empty, capability ?? "")
        {
            Tasks = tasks.Select(t => t.Task).ToArray(),
        };
        return new ObjectiveDraft(objective, id?.At ?? map.Start);
    }

    private static TaskDraft? ReadTask(ValueReader values, YamlNode node, string what)
    {
        var map = values.Mapping(node, $"a critical task of {what}", TaskKeys);
        if (map is null)
        {
            return null;
        }

        var id = values.Id(map.Required("id"), "task id");
        map.NameAs($"task '{id?.Id}' of {what}");
        var text = values.Text(map.Required("text"), $"text of task '{id?.Id}'");
        return id is null ? null : new TaskDraft(new CriticalTask(id.Id, text ?? LocalizedText.Empty), id);
    }

    private sealed record TaskDraft(CriticalTask Task, IdRef Id);
}
