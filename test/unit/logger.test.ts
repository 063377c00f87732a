import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";

/** A logger writing into `lines`, one JSON line per entry. */
function capturing(): { log: ReturnType<typeof createLogger>; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({ write: (c: Buffer, _e, done) => (lines.push(c.toString()), done()) });
  return { log: createLogger("info", sink), lines };
}

describe("logger", () => {
  it("never writes a bot token, whether in a message, a field or an error", () => {
    const token = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    const { log, lines } = capturing();
    log.info(`calling https://api.telegram.org/bot${token}/getMe`);
    log.info({ token }, "config");
    log.error({ err: new Error(`request to /bot${token}/sendMessage failed`) }, "boom");
    log.warn({ err: `request to /bot${token}/getUpdates failed` }, "retrying");
    const all = lines.join("");
    expect(lines).toHaveLength(4);
    expect(all).not.toContain(token);
    expect(all).toContain("<token>");
  });

  it("writes an error given as its message as one text, not one field per character", () => {
    const { log, lines } = capturing();
    log.warn({ err: "Conflict: terminated by other getUpdates request" }, "getUpdates failed, retrying");
    expect(JSON.parse(lines[0]!)).toMatchObject({ err: "Conflict: terminated by other getUpdates request", msg: "getUpdates failed, retrying" });
  });
});
