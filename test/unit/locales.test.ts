import { describe, expect, it } from "vitest";
import { createTranslator, loadMessages } from "../../src/i18n.js";

describe("locales", () => {
  const vi = loadMessages("vi");
  const en = loadMessages("en");

  it("has the same keys in Vietnamese and English", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });

  it("uses the same placeholders in both languages", () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(vi)) expect(placeholders(en[key]!), key).toEqual(placeholders(vi[key]!));
  });

  it("has no empty message", () => {
    for (const [key, text] of Object.entries(vi)) expect(text.trim(), key).not.toBe("");
  });

  it("fills placeholders and fails loudly on an unknown key", () => {
    const t = createTranslator("vi");
    expect(t("interview.saved", { value: "1.234 hồ sơ" })).toBe("✅ Đã lưu: 1.234 hồ sơ");
    expect(() => t("no.such.key" as "interview.saved")).toThrow(/no\.such\.key/);
  });
});
