import type { ActionName } from "../config.ts";
import type { ActionRule } from "./types.ts";
import { personal } from "./personal.ts";
import { defaultDebt, payBill } from "./debt.ts";
import { brag } from "./brag.ts";
import { acceptFriend, declineFriend, friendRequest, unfriend } from "./friendship.ts";
import { lookup, report, vouch } from "./peer.ts";
import { appeal } from "./appeal.ts";

export const ACTIONS: Record<ActionName, ActionRule> = {
  "share-approved": personal,
  "post-opinion": personal,
  "buy-games": personal,
  "buy-responsible": personal,
  "pay-bill": payBill,
  "default-debt": defaultDebt,
  volunteer: personal,
  lookup,
  "friend-request": friendRequest,
  "accept-friend": acceptFriend,
  "decline-friend": declineFriend,
  unfriend,
  vouch,
  report,
  brag,
  appeal,
};
