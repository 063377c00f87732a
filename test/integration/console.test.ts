/**
 * The terminal demo: the same engine, a demo unit prepared on first start, and a
 * conversation that carries on across restarts.
 */
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/app.js";
import { startConsole } from "../../src/channels/console/console-channel.js";
import { ensureDemo } from "../../src/channels/console/demo.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { tempSqliteUrl } from "../support/databases.js";

async function chat(url: string, lines: string[]): Promise<string> {
  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: "silent" });
  const core = await createCore(config, createLogger("silent"));
  const greeting = await ensureDemo(core, config, new Date("2026-11-23T03:00:00Z"));
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = "";
  output.on("data", (d: Buffer) => (printed += d.toString()));
  const session = startConsole(core.engine, input, output, greeting);
  for (const line of lines) input.write(`${line}\n`);
  input.end();
  await session.closed;
  await core.database.close();
  return printed;
}

describe("terminal demo", () => {
  it("greets, asks the first question, saves answers, and continues after a restart", async () => {
    const url = tempSqliteUrl();
    const first = await chat(url, ["/nhap", "5,67 tỷ"]);
    expect(first).toContain("báo cáo tháng 11/2026");
    expect(first).toContain("Tổng thu ngân sách");
    expect(first).toContain("✅ Đã lưu: 5.670.000.000 đồng");
    const second = await chat(url, ["/nhap", "năm"]);
    expect(second).toContain("Tổng chi ngân sách");
    expect(second).toContain("⚠️ Chưa hiểu câu trả lời");
  });
});
