import { t } from "../i18n";
import { MselBoard, OrgGrid } from "../ui/Board";
import { Feed } from "../ui/Feed";
import { useExercise } from "../ui/hooks";
import { Shell } from "../ui/Shell";
import { ReviewLink } from "../review/ReviewLink";
import { usePresence } from "../presence";
import { CheckPanel } from "./CheckPanel";
import { PresencePanel } from "./PresencePanel";

/** Everything the control cell sees, and nothing to press. */
export function Observer({ id }: { id: string }) {
  const model = useExercise(id);
  const presence = usePresence(model);
  return (
    <Shell title={t("observerTitle")} model={model} wall help={[]}>
      <div class="observer">
        <MselBoard model={model} />
        <OrgGrid model={model} presence={presence} />
        <div class="side">
          <ReviewLink id={id} />
          <CheckPanel model={model} controller={false} />
          <PresencePanel model={model} presence={presence} />
        </div>
        <Feed model={model} />
      </div>
    </Shell>
  );
}
