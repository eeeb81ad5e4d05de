import { WebSocket } from "ws";

// Colyseus' reconnection checks for a global WebSocket, which Node 20 lacks.
globalThis.WebSocket ??= WebSocket as unknown as typeof globalThis.WebSocket;
