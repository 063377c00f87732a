/**
 * Structured logs (pino). Anything that could carry a bot token is redacted here, once, so a
 * stray `log.info({ url })` cannot leak it.
 */
import { pino, type Logger } from "pino";

const TOKEN_PATTERN = /\d{5,}:[A-Za-z0-9_-]{20,}/g;

export function redactTokens(text: string): string {
  return text.replace(TOKEN_PATTERN, "<token>");
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: ["token", "*.token", "config.telegram.token", "headers.authorization"], censor: "<token>" },
      hooks: {
        // Error messages from HTTP clients often contain the request URL, which holds the token.
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === "string" ? redactTokens(a) : a)) as Parameters<typeof method>);
        },
      },
      serializers: {
        err: (err: unknown) => {
          // Callers also log just an error's message: spread, a string became one field per character.
          if (typeof err === "string") return redactTokens(err);
          const s = pino.stdSerializers.err(err as Error);
          return { ...s, message: redactTokens(s.message ?? ""), stack: redactTokens(s.stack ?? "") };
        },
      },
    },
    destination ?? pino.destination(2),
  );
}

export type { Logger };
