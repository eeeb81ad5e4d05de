import type { CreateOptions } from "../../../shared/messages/messages.ts";
import { isJoinCode } from "../../../shared/messages/join-code.ts";
import type { Connection } from "../../net/connection.ts";
import { currentConnection, newConnection } from "../../net/current.ts";
import { hostKeys } from "../../net/storage.ts";
import { errorTray } from "../../ui/status.ts";
import { sessionView } from "./session-view.ts";
import { setupPanel } from "./setup-panel.ts";
import { signedOutNotice } from "./host-key-box.ts";
import { linkWaitingCard } from "./phone-link-prompt.ts";
import "./host.css";
import { t } from "../../../shared/i18n/index.ts";

/** The projector: a lobby with the code and QR, then the live graph, leaderboard, timer and ticker. */
export function mount(root: HTMLElement): () => void {
  const errors = errorTray();
  const code = new URLSearchParams(location.search).get("code")?.toUpperCase() ?? "";
  // A "control from your phone" link: a one-use token in the fragment, taken out of the address bar at once (a reload must not reuse it).
  const linkToken = new URLSearchParams(location.hash.slice(1)).get("link");
  if (linkToken) history.replaceState(null, "", code ? `/host?code=${code}` : "/host");
  let conn: Connection = currentConnection()?.role === "host" && currentConnection()?.code === code ? currentConnection()! : newConnection();
  let teardown = () => {};

  const showSession = () => {
    teardown();
    root.replaceChildren();
    history.replaceState(null, "", `/host?code=${conn.code}`);
    const offView = sessionView(root, conn, errors.show);
    // Signed out by a new host key: back to "Reopen a session", with the reason kept in view.
    const offSignOut = conn.onError((e) => {
      if (e.code !== "host-key-changed") return;
      teardown();
      root.replaceChildren(signedOutNotice(e.message), setupPanel(actions, conn.code), errors.el);
    });
    teardown = () => {
      offSignOut();
      offView();
    };
    root.append(errors.el);
  };
  const fail = (err: Error) => errors.show(err.message);
  const actions = {
    async create(options: CreateOptions) {
      conn = newConnection();
      // The setup page also keeps the refusal beside its button (a create can still fail after the check: no free code, no network).
      await conn.create(options).then(showSession, (err: Error) => {
        fail(err);
        throw err;
      });
    },
    async reopen(c: string, key: string) {
      if (!isJoinCode(c) || !key) return errors.show(t("host.setup.reopenMissing"));
      conn = newConnection();
      await conn.host(c, key).then(showSession, (err: Error) => {
        if ((err as { code?: number }).code === 4406) hostKeys.remove(c);
        fail(err);
      });
    },
  };
  const showSetup = () => root.replaceChildren(setupPanel(actions, code), errors.el);

  if (conn.room) showSession();
  else if (code && linkToken) {
    showSetup();
    conn = newConnection();
    // The phone waits for the projector's Allow; a refusal or the link's end comes back to the setup page, with the sentence.
    void conn
      .hostByLink(code, linkToken, () => root.replaceChildren(linkWaitingCard(), errors.el))
      .then(showSession, (err: Error) => {
        showSetup();
        fail(err);
      });
  } else if (code && hostKeys.get(code)) {
    showSetup();
    void actions.reopen(code, hostKeys.get(code)!);
  } else {
    showSetup();
    if (code) errors.show(t("host.setup.noKey", { code }));
  }
  return () => teardown();
}
