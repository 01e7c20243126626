import { t } from "../i18n";
import { MselBoard, OrgGrid } from "../ui/Board";
import { Feed } from "../ui/Feed";
import { useExercise } from "../ui/hooks";
import { Shell } from "../ui/Shell";

/** Everything the control cell sees, and nothing to press. */
export function Observer({ id }: { id: string }) {
  const model = useExercise(id);
  return (
    <Shell title={t("observerTitle")} model={model} wall help={[]}>
      <div class="observer">
        <MselBoard model={model} />
        <OrgGrid model={model} />
        <Feed model={model} />
      </div>
    </Shell>
  );
}
