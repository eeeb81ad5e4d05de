import { WebSocket } from "ws";

// Node 22+'s built-in WebSocket (undici) leaves the SDK's reconnection to a killed server
// hanging: phones in the fault tests never got past the first attempt. The `ws` package, which
// the SDK used before Node had its own, reports the refused connection and lets it go on.
globalThis.WebSocket = WebSocket as unknown as typeof globalThis.WebSocket;
