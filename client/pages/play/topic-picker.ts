import type { ActMessage } from "../../../shared/messages/messages.ts";
import { topicLabel } from "../../../shared/text/live.ts";
import type { ClassroomModel } from "../../view/classroom-model.ts";
import { t } from "../../../shared/i18n/index.ts";
import { h, setText } from "../../ui/dom.ts";

const POSTS = new Set(["share-approved", "post-opinion"]);

/**
 * What my posts are about, when the scenario has topics; banned topics are marked with what a
 * post on them now costs. `tag` adds the chosen topic to a post before it is sent.
 */
export function topicPicker(model: ClassroomModel) {
  const select = h("select", { id: "post-topic", testid: "post-topic" });
  const warning = h("p", { class: "topic-warning", testid: "topic-warning", role: "status", hidden: true });
  const el = h("div", { class: "field topic-picker", hidden: true }, h("label", { for: "post-topic" }, t("phone.topic.label")), select, warning);
  let builtFor = "";

  const penalty = (topic: string) => [...model.live].reverse().find((e) => e.kind === "topic-ban" && e.topic === topic)?.amount ?? model.config.topicBanPenalty;

  const renderWarning = () => {
    const topic = select.value;
    const banned = topic !== "" && model.info.bannedTopics.includes(topic);
    warning.hidden = !banned;
    if (banned) setText(warning, t("phone.topic.banned-warning", { topic: topicLabel(topic, model.config), penalty: model.fmt(penalty(topic)) }));
  };
  select.addEventListener("change", renderWarning);

  return {
    el,
    render() {
      const topics = model.config.topics;
      el.hidden = topics.length === 0;
      const key = JSON.stringify([topics, model.info.bannedTopics]);
      if (key !== builtFor) {
        builtFor = key;
        const chosen = select.value;
        select.replaceChildren(
          h("option", { value: "" }, t("phone.topic.none")),
          ...topics.map((topic) => {
            const banned = model.info.bannedTopics.includes(topic.id);
            const label = topicLabel(topic.id, model.config);
            return h("option", { value: topic.id }, banned ? t("phone.topic.banned-option", { topic: label }) : label);
          }),
        );
        select.value = topics.some((t) => t.id === chosen) ? chosen : "";
      }
      renderWarning();
    },
    tag(msg: ActMessage): ActMessage {
      return POSTS.has(msg.action) && select.value ? { ...msg, topic: select.value } : msg;
    },
  };
}
