import { useEffect, useState } from "preact/hooks";
import { api } from "../api";
import { t, useLang } from "../i18n";
import type { Principal } from "../model";
import { homeOf, saveSession } from "../session";
import { Message } from "../ui/Shell";

/**
 * Redeems the token in the URL fragment (a fragment never reaches a server log or a Referer header),
 * then takes it out of the address bar and history before going to the principal's console.
 */
export function Join() {
  useLang();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const token = decodeURIComponent(location.hash.replace(/^#/, ""));
    history.replaceState(null, "", "/join");
    if (!token) {
      setError(t("joinNoToken"));
      return;
    }
    api<{ token: string; principal: Principal }>("POST", "/api/auth/redeem", {}, token)
      .then(({ token: session, principal }) => {
        saveSession({ token: session, principal });
        location.replace(homeOf(principal));
      })
      .catch(e => setError(t("joinFailed", (e as Error).message)));
  }, []);
  return <Message text={error ?? t("joinTitle")} />;
}
