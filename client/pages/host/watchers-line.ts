import type { Connection } from "../../net/connection.ts";
import { roomMessages } from "../../net/room-messages.ts";
import type { ClassroomRoom } from "../../net/bind-classroom.ts";
import { h, setText } from "../../ui/dom.ts";
import { formatList, t } from "../../../shared/i18n/index.ts";

/**
 * Who watches without playing, apart from the players in the lobby: observers by the names
 * they gave, other watching screens (a video call's shared screen) as a count.
 */
export function watchersLine(conn: Connection) {
  const el = h("p", { class: "watchers-line", testid: "watchers", hidden: true });
  let off = () => {};
  const follow = (room: ClassroomRoom) => {
    off();
    const messages = roomMessages(room);
    const render = () => {
      const { count, names } = messages.watchers;
      const others = count - names.length;
      el.hidden = count === 0;
      const screens = others > 0 ? [t(names.length ? "host.watchers.moreScreens" : "host.watchers.screens", { count: others })] : [];
      setText(el, t("host.watchers.line", { who: formatList([...names, ...screens]) }));
    };
    off = messages.onWatchers(render);
    render();
  };
  if (conn.room) follow(conn.room);
  const offRoom = conn.onRoom(follow);
  return {
    el,
    dispose() {
      off();
      offRoom();
    },
  };
}
