/**
 * The bot's own HTTP server: health check, webhook endpoints and signed report downloads.
 * node:http is enough for a handful of routes. Exact paths win over prefixes, and among
 * prefixes the longest wins, so registration order never changes which handler answers.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface HttpServer {
  route(method: string, path: string, handler: Handler): void;
  /** Serves every path starting with `prefix` (e.g. "/files/"); the handler reads the rest from req.url. */
  routePrefix(method: string, prefix: string, handler: Handler): void;
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

export function createHttpServer(onError: (err: unknown) => void): HttpServer {
  const routes = new Map<string, Handler>();
  const prefixes: { method: string; prefix: string; handler: Handler }[] = [];
  routes.set("GET /healthz", (_req, res) => {
    res.writeHead(200, { "content-type": "text/plain" }).end("ok");
  });
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const handler =
      routes.get(`${req.method} ${path}`) ??
      prefixes.find((p) => p.method === req.method && path.startsWith(p.prefix))?.handler;
    if (!handler) {
      res.writeHead(404).end();
      return;
    }
    Promise.resolve(handler(req, res)).catch((err: unknown) => {
      onError(err);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  return {
    route(method, path, handler) {
      routes.set(`${method} ${path}`, handler);
    },
    routePrefix(method, prefix, handler) {
      prefixes.push({ method, prefix, handler });
      prefixes.sort((a, b) => b.prefix.length - a.prefix.length);
    },
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
      });
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
