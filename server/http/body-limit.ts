import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

/** Matchmaking requests carry `{ name }`, a host key or a few create options: well under a kilobyte. */
export const MAX_BODY_BYTES = 64 * 1024;

function problemWith(req: IncomingMessage, maxBytes: number): [number, string] | undefined {
  if (req.headers["transfer-encoding"] !== undefined) return [411, "Send the request with a Content-Length."];
  if (Number(req.headers["content-length"] ?? 0) > maxBytes) return [413, `Request bodies are limited to ${maxBytes} bytes.`];
  return undefined;
}

/**
 * An HTTP server that refuses large or unsized request bodies before any handler sees them.
 * Colyseus' matchmaking route reads a body whole with no limit, so one scripted POST could
 * otherwise fill the server's memory. Wrapping `emit` keeps the refusal ahead of every
 * `request` listener, including the ones Colyseus prepends when it starts listening.
 */
export function createLimitedServer(maxBytes = MAX_BODY_BYTES): Server {
  const server = createServer();
  const emit = server.emit.bind(server);
  server.emit = ((event: string, ...args: unknown[]) => {
    if (event === "request") {
      const [req, res] = args as [IncomingMessage, ServerResponse];
      const problem = problemWith(req, maxBytes);
      if (problem) {
        res.writeHead(problem[0], { "content-type": "application/json", connection: "close" });
        res.end(JSON.stringify({ error: problem[1] }));
        return true;
      }
    }
    return emit(event, ...args);
  }) as typeof server.emit;
  return server;
}
