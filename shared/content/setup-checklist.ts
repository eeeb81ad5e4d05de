import type { GameConfig } from "../rules/config.ts";

export interface ChecklistGroup {
  title: string;
  items: string[];
}

/**
 * What to check before class, from the scenario's own numbers where they matter (late joining,
 * the private question). Names the buttons as the host page labels them.
 */
export function setupChecklist(c: GameConfig): ChecklistGroup[] {
  return [
    {
      title: "Projector",
      items: [
        "Open /host on the computer connected to the projector, full screen (F11), at 16:9; check from the back row that the join code and the leaderboard read.",
        "Choose this scenario, open the session, and leave the Private facilitator view (in ⚡ Live events) off: it shows everyone's true score.",
        "Decide on sound (Sound on / Sound off in the top bar) and text size (Aa).",
        "To run the game from your own phone, use Control from your phone in Settings: the projector keeps the view.",
      ],
    },
    {
      title: "Devices",
      items: [
        "Every player needs a browser: a phone, tablet or laptop. No app, no account, no e-mail address.",
        "Players without a device pair up, or watch on the projector. Nobody has to play: Just watch on the join page shows the projector's view on a phone, with no actions and no rank.",
        `Charge the phones: ${c.rounds} rounds of ${c.roundSeconds} s keep the screen on.`,
      ],
    },
    {
      title: "Network",
      items: [
        "Phones and the projector must reach the same server. The lobby shows the address phones open; try it from one phone on the class network before the lesson.",
        "Guest or school Wi-Fi that keeps devices apart blocks a server on the teacher's laptop: use a server with a public address (PUBLIC_URL), or a network where devices can reach each other.",
        "Mobile data works when the server has a public address.",
        "A remote class: share the tab /watch/CODE in the video call (the projector's view, with no control and no key), or send students its link.",
      ],
    },
    {
      title: "Join code",
      items: [
        "The lobby shows the 5-character code, the address and a QR code in large type; players type the code (or scan) and a nickname.",
        "Ask for nicknames that are not real names. Refused names (look-alikes, profanity) say why; a player can ask you to let a name in, and you answer on the projector.",
        c.allowLateJoin
          ? "Late joining is on: newcomers can join during the game until you lock the session (⚡ Live events, Lock)."
          : "Late joining is off in this scenario: everyone must be in before Start the game.",
      ],
    },
    {
      title: "When a phone drops",
      items: [
        "A phone that sleeps, reloads or loses Wi-Fi keeps its seat and score; it comes back by itself when the page is open again (for 120 s unless the server sets RECONNECT_SECONDS).",
        "After that, the player joins again with the same nickname and the rejoin PIN their phone showed (Me tab); without the PIN they ask for the seat, and the projector asks you.",
        "A player gone for good: Clear offline seats in ⚡ Live events removes every seat nobody is connected to.",
        "If the projector's computer restarts, open /host again in the same browser: it reopens the session with its key, and the round waits, paused, for you.",
      ],
    },
  ];
}
