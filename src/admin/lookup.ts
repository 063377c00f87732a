/**
 * Finds the rows an admin names on the command line (a unit by code, a period by kind and
 * number, a member by id or name, a template by key), with an AdminError that says what exists
 * instead when the name matches nothing.
 */
import type { PeriodRef } from "../domain/period-label.js";
import type { PeriodKind, Template } from "../domain/template.js";
import { normalizeForMatch } from "../domain/vn-text.js";
import type { Tx } from "../store/database.js";
import { AdminError } from "./admin-error.js";
import { checkPeriodRef } from "./period-ref.js";

export interface UnitRow {
  id: number;
  code: string;
  name: string;
}

/** Unit codes are lowercase; "Phuong-1 " typed by hand means the same unit. */
export function normalizeUnitCode(code: string): string {
  return code.trim().toLowerCase();
}

export async function findUnit(tx: Tx, code: string): Promise<UnitRow> {
  const normalized = normalizeUnitCode(code);
  const unit = await tx.unit.findUnique({ where: { code: normalized }, select: { id: true, code: true, name: true } });
  if (!unit) throw new AdminError("admin.error.unit_unknown", { code: normalized });
  return unit;
}

/** What callers show of a period. */
export interface PeriodSummary extends PeriodRef {
  status: string;
  startsOn: string;
  endsOn: string;
  deadline: Date;
}

/**
 * The period `ref` of the unit; without `ref`, the open period due first (the one the bot's
 * /tiendo shows), since that is the one an admin is working on.
 */
export async function findPeriod(tx: Tx, unit: UnitRow, ref?: PeriodRef) {
  if (ref) {
    const { kind, year, number } = checkPeriodRef(ref);
    const period = await tx.period.findUnique({ where: { unitId_kind_year_number: { unitId: unit.id, kind, year, number } } });
    if (!period) throw new AdminError("admin.error.period_unknown", { unit: unit.name, code: unit.code, period: { kind, year, number } });
    return period;
  }
  const current = await tx.period.findFirst({ where: { unitId: unit.id, status: "open" }, orderBy: [{ deadline: "asc" }, { id: "asc" }] });
  if (!current) throw new AdminError("admin.error.no_open_period", { unit: unit.name, code: unit.code });
  return current;
}

/**
 * The template of the ward's monthly socio-economic report (templates/ward-monthly.yaml). Plan
 * targets are checked against it: the indicators with a yearly plan are the same questions in
 * every shipped template (a test keeps it so).
 */
export const DEFAULT_TEMPLATE_KEY = "ward-monthly";

/**
 * The template a new period of each kind uses unless the office names one: a quarter reads like
 * a month, while 6-month, 9-month and annual reports have their own outline (templates/*.yaml).
 * The term report (ward-term) is never a default; it is opened as a year with --template.
 */
const DEFAULT_TEMPLATES: Record<PeriodKind, string> = {
  thang: DEFAULT_TEMPLATE_KEY,
  quy: DEFAULT_TEMPLATE_KEY,
  "6thang": "ward-6-9-month",
  "9thang": "ward-6-9-month",
  nam: "ward-annual",
};

export function defaultTemplateKeyFor(kind: PeriodKind): string {
  return DEFAULT_TEMPLATES[kind];
}

/** The newest stored version of a template: new periods use it, older periods keep theirs. */
export async function latestTemplateVersion(tx: Tx, templateKey: string): Promise<{ id: number; version: number; template: Template }> {
  const row = await tx.templateVersion.findFirst({ where: { template: { key: templateKey } }, orderBy: { version: "desc" } });
  if (!row) {
    const known = await tx.template.findMany({ select: { key: true }, orderBy: { key: "asc" } });
    throw new AdminError("admin.error.template_unknown", { key: templateKey, keys: known.map((t) => t.key) });
  }
  return { id: row.id, version: row.version, template: row.definition as unknown as Template };
}

export interface MemberRow {
  id: number;
  displayName: string;
  role: string;
}

/**
 * A member of the unit by id, or by display name with case and diacritics ignored. A name
 * shared by several members is refused with their ids, rather than guessing one of them.
 */
export async function findMember(tx: Tx, unit: UnitRow, member: number | string): Promise<MemberRow> {
  const select = { id: true, displayName: true, role: true } as const;
  const unknown = () => new AdminError("admin.error.member_unknown", { unit: unit.name, code: unit.code, member: typeof member === "number" ? `#${member}` : member });
  if (typeof member === "number") {
    const row = await tx.member.findFirst({ where: { id: member, unitId: unit.id }, select });
    if (!row) throw unknown();
    return row;
  }
  const wanted = normalizeForMatch(member);
  const all = await tx.member.findMany({ where: { unitId: unit.id }, select, orderBy: { id: "asc" } });
  const matches = all.filter((m) => normalizeForMatch(m.displayName) === wanted);
  const [first] = matches;
  if (!first) throw unknown();
  if (matches.length > 1) {
    throw new AdminError("admin.error.member_ambiguous", {
      count: matches.length,
      member,
      matches: matches.map((m) => `#${m.id} ${m.displayName}`),
      example: `#${first.id}`,
    });
  }
  return first;
}

export interface Owner {
  id: number;
  displayName: string;
}

/** Who owns each section of a period, by section id; unassigned sections are absent. */
export async function sectionOwners(tx: Tx, periodId: number): Promise<Map<number, Owner>> {
  const rows = await tx.assignment.findMany({ where: { periodId }, select: { sectionId: true, member: { select: { id: true, displayName: true } } } });
  return new Map(rows.map((a) => [a.sectionId, a.member]));
}
