import type { ScoreChange } from "../../../shared/text/reasons.ts";
import type { ClassroomModel } from "../../view/classroom-model.ts";
import type { MyPrivateInfo } from "../../view/classroom-view.ts";
import { t } from "../../../shared/i18n/index.ts";
import { announce } from "../../ui/dom.ts";
import type { TabId, tabBar } from "./tab-bar.ts";
import type { toastStack } from "./toasts.ts";

/** Changes another player made to my score that I should hear about wherever I am. */
const DONE_TO_ME = new Set(["reported", "friend-spillover", "vouch"]);

/**
 * What others do to me, told wherever I am: a toast that opens the screen to answer it, a badge
 * on that screen's tab until I open it, and a line for screen readers. Friend requests count
 * on People while they wait; lookups until People is opened; reports and a friend's moves that
 * hit my score until Me is opened.
 */
export function socialAlerts(model: ClassroomModel, me: () => string, tabs: ReturnType<typeof tabBar>, toasts: ReturnType<typeof toastStack>) {
  let requests = new Set<string>();
  let lookups = new Set<string>();
  let newLookups = 0;
  let newHits = 0;

  const rebadge = () => {
    const waiting = model.private.incomingRequests.length;
    const count = waiting + newLookups;
    tabs.badge(
      "people",
      count,
      waiting && newLookups
        ? t("phone.alerts.requests-and-lookups", { count })
        : waiting
          ? t("phone.alerts.requests", { count })
          : t("phone.alerts.lookups", { count }),
    );
    tabs.badge("me", newHits, t("phone.alerts.hits", { count: newHits }));
  };

  return {
    /** My private data changed: new requests and lookups are told once each. */
    mine(info: MyPrivateInfo) {
      const live = model.isReady;
      for (const id of info.incomingRequests) {
        if (requests.has(id) || !live) continue;
        announce(t("phone.alerts.request-announce", { name: model.nameOf(id) }));
        toasts.show(t("phone.alerts.request-toast", { name: model.nameOf(id) }), t("phone.alerts.request-detail"), "social", "people", () =>
          tabs.show("people"),
        );
      }
      for (const id of info.lookedUpBy) {
        if (lookups.has(id) || !live) continue;
        announce(t("phone.alerts.lookup-announce", { name: model.nameOf(id) }));
        toasts.show(t("phone.alerts.lookup-toast", { name: model.nameOf(id) }), t("phone.alerts.lookup-detail"), "look", "people", () => tabs.show("people"));
        if (tabs.current !== "people") newLookups++;
      }
      requests = new Set(info.incomingRequests);
      lookups = new Set(info.lookedUpBy);
      rebadge();
    },
    /** A change to my score I could see; told when another player caused it. */
    scoreChanged(change: ScoreChange, sentence: string) {
      if (!DONE_TO_ME.has(change.rule) || !change.actor || change.actor === me()) return;
      toasts.show(sentence, "", change.delta < 0 ? "down" : "up", "me", () => tabs.show("me"));
      if (tabs.current !== "me") newHits++;
      rebadge();
    },
    shown(id: TabId) {
      toasts.dismiss(id);
      if (id === "people") newLookups = 0;
      if (id === "me") newHits = 0;
      rebadge();
    },
  };
}
