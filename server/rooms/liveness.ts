import { matchMaker } from "@colyseus/core";

/**
 * Whether a room with this id runs on a process that still answers. A process killed
 * outright leaves its rooms in the shared room list; Colyseus' health check asks that
 * process over the presence and, when it does not answer, removes its rooms from the list.
 */
export async function isRunningAnywhere(roomId: string): Promise<boolean> {
  const listed = await matchMaker.query({ roomId });
  for (const room of listed) {
    if (room.processId === matchMaker.processId) return true;
    if (await matchMaker.healthCheckProcessId(room.processId)) return true;
  }
  return false;
}
