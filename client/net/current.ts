import { Connection } from "./connection.ts";

let current: Connection | undefined;

/** The connection a page hands to the next one when it moves on without a reload. */
export function currentConnection(): Connection | undefined {
  return current;
}

export function newConnection(): Connection {
  void current?.leave();
  current = new Connection();
  return current;
}
