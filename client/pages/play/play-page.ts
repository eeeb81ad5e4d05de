import { type MessageKey, t } from "../../../shared/i18n/index.ts";
import { SOLO_ACTIONS } from "../../../shared/text/actions.ts";
import { feedLine } from "../../../shared/text/feed.ts";
import type { ActorStatus } from "../../../shared/text/availability.ts";
import { bindClassroom } from "../../net/bind-classroom.ts";
import type { Connection } from "../../net/connection.ts";
import { currentConnection, newConnection } from "../../net/current.ts";
import { seats } from "../../net/storage.ts";
import { go } from "../../router.ts";
import { announce, h, perFrame, throttle } from "../../ui/dom.ts";
import { leaderboardList } from "../../ui/leaderboard.ts";
import { flashBanner } from "../../ui/flash-banner.ts";
import { liveBanner } from "../../ui/live-banner.ts";
import { connectionBanner, errorTray } from "../../ui/status.ts";
import { ClassroomModel } from "../../view/classroom-model.ts";
import { actionGrid, sharedReason } from "./action-grid.ts";
import { appealsPanel } from "./appeals.ts";
import { ballotCard } from "./ballot-card.ts";
import { peoplePanel } from "./people-panel.ts";
import { phoneCues } from "./phone-cues.ts";
import { playTopBar } from "./top-bar.ts";
import { socialAlerts } from "./alerts.ts";
import { tabBar } from "./tab-bar.ts";
import { toastStack } from "./toasts.ts";
import { endScreen } from "./end-screen.ts";
import { debriefCard } from "./debrief-card.ts";
import { surveyCard } from "./survey-card.ts";
import type { DebriefMine } from "../../../shared/debrief/types.ts";
import { roomMessages } from "../../net/room-messages.ts";
import { scoreCard } from "./score-card.ts";
import { scoreDial } from "./score-dial.ts";
import { topicPicker } from "./topic-picker.ts";
import { voteCard } from "./vote-card.ts";
import { rejoinPin } from "./rejoin-pin.ts";
import "./play.css";

function section(title: string, testid: string, ...children: (Node | null)[]) {
  return h("section", { class: "panel", "aria-label": title, testid }, h("h2", {}, title), ...children);
}

/** Why the Board screen is empty, by the session's visibility (none when scores are public). */
const NO_BOARD: Record<"hidden" | "owner", MessageKey> = { hidden: "phone.board.none-hidden", owner: "phone.board.none-owner" };

/** The player's phone: my score and why it moved, what I can do, my friends, everyone else. */
export function mount(root: HTMLElement): () => void {
  const seat = seats.get();
  let conn: Connection | undefined = currentConnection();
  if (!conn?.room || conn.role !== "player") {
    if (!seat) {
      go("/");
      return () => undefined;
    }
    conn = newConnection();
  }
  const c = conn;
  const me = () => c.playerId;
  const model = new ClassroomModel();
  const errors = errorTray();
  const connection = connectionBanner(c);
  const meterHost = h("div", { class: "meter" });
  const flash = flashBanner();
  const toasts = toastStack();
  let alerts: ReturnType<typeof socialAlerts> | undefined;
  const tabs = tabBar((id) => alerts?.shown(id));
  alerts = socialAlerts(model, me, tabs, toasts);
  const score = scoreCard(model, me, meterHost, {
    onTier: (text, detail, up) => flash.show(text, detail, up ? "up" : "down"),
    onShow: (on) => c.showScore(on),
    onChange: (change, sentence) => alerts.scoreChanged(change, sentence),
  });
  const top = playTopBar(model, me);
  const send = (msg: Parameters<Connection["act"]>[0]) => c.act(msg);
  const topics = topicPicker(model);
  const grid = actionGrid(SOLO_ACTIONS, model, (msg) => send(topics.tag(msg)));
  const appeals = appealsPanel(model, send);
  const people = peoplePanel(model, me, send);
  const board = leaderboardList(model, {
    me,
    onSelect: (id) => {
      if (id === me()) return;
      tabs.show("people");
      people.select(id);
    },
  });
  const boardNote = h("p", { class: "board-note", testid: "leaderboard-note" });
  const debrief = debriefCard(
    (step, answer) => c.poll(step, answer),
    () => model.config,
  );
  const survey = surveyCard(
    (stage, answers) => c.survey(stage, answers),
    () => model.config,
  );
  let mine: DebriefMine | undefined;
  /** Before the game the questions wait at the top of Act, in the lobby only; after the debrief, in its card. */
  const renderSurvey = () => {
    const pending = mine?.survey && (mine.survey.stage === "after" || model.info.phase === "lobby") ? mine.survey : undefined;
    survey.render(pending);
    const home = pending?.stage === "after" ? debrief.el : actPanel;
    if (survey.el.parentElement !== home) home.prepend(survey.el);
  };
  const end = endScreen(model, me, debrief.el);
  const lobbyNote = h("p", { class: "lobby-note", testid: "lobby-note" });
  const banner = liveBanner(model, (t) => flash.show(t.name, t.title, "event"));
  const vote = voteCard(model, (option) => c.vote(option));
  const ballot = ballotCard(model, (stage, answer) => c.ballot(stage, answer));
  const actPanel = h("div", { class: "col col-act" });
  const pin = rejoinPin(() => seats.get()?.pin);

  const status = (): ActorStatus | undefined => {
    const p = model.players.get(me());
    const sight = model.mySight();
    return (
      p && {
        phase: model.info.phase,
        paused: model.info.paused,
        actionPoints: p.actionPoints,
        blacklisted: p.blacklisted,
        score: sight?.score ?? null,
        scoresHidden: model.info.visibility === "hidden",
      }
    );
  };
  const renderBoard = throttle(() => board.render(), 300);
  const renderPeople = throttle(() => people.render(), 200);
  const refresh = perFrame(() => {
    const s = status();
    grid.update(s);
    topics.render();
    appeals.render(sharedReason(model, s));
    vote.render();
    ballot.render();
    // After the game the closing question is asked on the end screen, which covers the page.
    const ballotHome = model.info.phase === "ended" ? end.slot : actPanel;
    if (ballot.el.parentElement !== ballotHome) ballotHome.prepend(ballot.el);
    score.update();
    boardNote.hidden = model.info.visibility === "public";
    boardNote.textContent = model.info.visibility === "public" ? "" : t(NO_BOARD[model.info.visibility]);
    people.setStatus(s);
    renderPeople();
    renderBoard();
    top.render();
    score.renderRank();
    end.render();
    renderSurvey();
    lobbyNote.hidden = model.info.phase !== "lobby";
    // The PIN under the lobby note while there is time to note it, then under Me.
    if (model.info.phase === "lobby" ? pin.el.previousElementSibling !== lobbyNote : pin.el.parentElement !== mePanel) {
      if (model.info.phase === "lobby") lobbyNote.after(pin.el);
      else mePanel.append(pin.el);
    }
    lobbyNote.textContent = t("phone.lobby.note", { count: model.players.size });
  });

  model.subscribe({
    ready: refresh,
    rules: refresh,
    vote: refresh,
    ballot: refresh,
    liveEvent: refresh,
    session: (info) => {
      refresh();
      document.title = `${info.code} · Citizen Score`;
    },
    clock: (left) => {
      top.renderClock();
      if (model.info.phase === "round" && !model.info.paused && (left === 30 || left === 10))
        announce(t("phone.clock.left-announce", { seconds: left, round: model.info.round }));
    },
    playerJoined: refresh,
    playerLeft: refresh,
    playerChanged: refresh,
    friendship: refresh,
    leaderboard: refresh,
    mine: (info) => {
      alerts.mine(info);
      refresh();
    },
    feed: (item) => {
      if (!model.isReady || item.type !== "phase") return;
      announce(feedLine(item, model.nameOf).text);
      // The new action points arrive in the same patch as this line, possibly after it.
      if (item.action === "round-started")
        setTimeout(() =>
          flash.show(t("phone.flash.round", { round: item.round }), t("phone.flash.round-points", { points: model.players.get(me())?.actionPoints ?? 0 })),
        );
    },
  });

  const page = h("div", { class: "play-page" });
  const followDebrief = (room: NonNullable<Connection["room"]>) => {
    const messages = roomMessages(room);
    const show = () => {
      const m = messages.debriefMine;
      mine = m;
      renderSurvey();
      debrief.render(m);
      end.follow(!!m && (m.step !== null || m.closed));
      page.classList.toggle("scores-off", !!m?.closed);
    };
    const off = messages.onDebrief(show);
    show();
    return off;
  };
  let unbind = () => {};
  const offRoom = c.onRoom((room) => {
    pin.render();
    unbind();
    const offModel = bindClassroom(room, model, c.playerId);
    const offDebrief = followDebrief(room);
    unbind = () => (offModel(), offDebrief());
  });
  if (c.room) {
    const offModel = bindClassroom(c.room, model, c.playerId);
    const offDebrief = followDebrief(c.room);
    unbind = () => (offModel(), offDebrief());
  }
  const offRules = c.onRules((r) => model.rules(r));
  if (c.rules) model.rules(c.rules);
  const offError = c.onError((e) => {
    // The end screen says it once; the error toast and "Disconnected." would say it twice more.
    if (e.about === "removed") {
      connection.dispose();
      connection.el.hidden = true;
      return end.removed(e.message);
    }
    if (e.about === "ballot") ballot.refused();
    if (e.about === "vote") vote.refused();
    if (e.about === "survey") survey.refused();
    if (e.about === "poll") debrief.render(c.room ? roomMessages(c.room).debriefMine : undefined);
    errors.show(e.message);
  });
  const offLookup = c.onLookup((r) => people.showLookup(r));
  if (!c.room && seat) {
    c.resume(seat).catch((err: Error) => {
      errors.show(err.message);
      end.cannotRejoin(err.message, seat.code);
    });
  }

  const peoplePanelEl = h(
    "div",
    { class: "col col-people" },
    section(t("phone.people.requests"), "requests-panel", people.requests),
    section(t("phone.people.friends"), "friends-panel", people.friends),
    section(t("phone.people.looked-up"), "looked-up-panel", people.lookedUp),
    section(t("phone.people.search-title"), "people-panel", people.search, people.matches, people.detail),
  );
  const mePanel = h("div", { class: "col col-me" }, score.details, appeals.el);
  const boardPanel = h("div", { class: "col col-board" }, section(t("phone.board.title"), "leaderboard-panel", boardNote, board.el));
  actPanel.append(
    ballot.el,
    vote.el,
    score.el,
    lobbyNote,
    h(
      "section",
      { class: "panel act-panel", "aria-label": t("phone.act.title"), testid: "actions" },
      h("p", { class: "hint" }, t("phone.act.hint")),
      topics.el,
      grid.el,
    ),
  );
  // Under the header, whatever screen is open.
  top.el.append(toasts.el);
  // A setting rather than something a round needs: on Me, not in the crowded header.
  const cues = phoneCues(model, me);
  mePanel.append(
    h(
      "section",
      { class: "panel sound-card", "aria-label": t("phone.sound.title"), testid: "sound-card" },
      h("span", { class: "sound-text" }, h("b", {}, t("phone.sound.title")), h("small", {}, t("phone.sound.help"))),
      cues.el,
    ),
  );
  tabs.add("act", t("phone.tab.act"), actPanel);
  tabs.add("people", t("phone.tab.people"), peoplePanelEl);
  tabs.add("me", t("phone.tab.me"), mePanel);
  tabs.add("board", t("phone.tab.board"), boardPanel);

  root.append(page, flash.el, connection.el, errors.el);
  page.append(
    top.el,
    h("div", { class: "play-live" }, banner.el),
    h("main", { class: "play-grid" }, actPanel, peoplePanelEl, mePanel, boardPanel),
    tabs.el,
    end.el,
  );
  const dial = scoreDial(model, () => score.el);
  meterHost.append(dial.el);
  refresh();

  return () => {
    unbind();
    offRoom();
    offError();
    offRules();
    offLookup();
    connection.dispose();
    banner.dispose();
    dial.dispose();
    cues.dispose();
  };
}
