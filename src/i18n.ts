/**
 * Every user-facing sentence lives in locales/<lang>.json (Vietnamese is the default); this
 * module looks them up and fills `{name}` placeholders. Callers pass values already formatted
 * the Vietnamese way (1.234.567,5; 12/05/2023).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "./paths.js";

export type Messages = typeof import("../locales/vi.json");
export type MessageKey = keyof Messages;
export type Locale = "vi" | "en";
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export function loadMessages(locale: Locale): Record<string, string> {
  return JSON.parse(readFileSync(join(PROJECT_ROOT, "locales", `${locale}.json`), "utf8")) as Record<string, string>;
}

export function createTranslator(locale: Locale = "vi"): Translate {
  const messages = loadMessages(locale);
  return (key, params = {}) => {
    const template = messages[key];
    if (template === undefined) throw new Error(`Missing message "${key}" in locales/${locale}.json`);
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}
