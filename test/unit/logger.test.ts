import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";

describe("logger", () => {
  it("never writes a bot token, whether in a message, a field or an error", () => {
    const token = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    const lines: string[] = [];
    const sink = new Writable({ write: (c: Buffer, _e, done) => (lines.push(c.toString()), done()) });
    const log = createLogger("info", sink);
    log.info(`calling https://api.telegram.org/bot${token}/getMe`);
    log.info({ token }, "config");
    log.error({ err: new Error(`request to /bot${token}/sendMessage failed`) }, "boom");
    const all = lines.join("");
    expect(lines).toHaveLength(3);
    expect(all).not.toContain(token);
    expect(all).toContain("<token>");
  });
});
