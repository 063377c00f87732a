/**
 * Finds a member of the same unit by the name an officer types ("Lan", "nguyen thi lan",
 * "Nguyễn Thị Lan"): the whole name first, else members whose name ends with the words typed
 * (Vietnamese colleagues go by their given name). Never looks outside the unit.
 */
import { normalizeForMatch } from "../domain/vn-text.js";
import type { Tx } from "../store/database.js";

export interface Colleague {
  id: number;
  displayName: string;
}

export type ColleagueMatch = { found: Colleague } | { none: true; names: string[] } | { ambiguous: string[] };

export async function findColleague(tx: Tx, unitId: number, typed: string): Promise<ColleagueMatch> {
  const wanted = normalizeForMatch(typed);
  const all = await tx.member.findMany({ where: { unitId }, select: { id: true, displayName: true }, orderBy: { id: "asc" } });
  const exact = all.filter((m) => normalizeForMatch(m.displayName) === wanted);
  const matches = exact.length > 0 || wanted === "" ? exact : all.filter((m) => ` ${normalizeForMatch(m.displayName)}`.endsWith(` ${wanted}`));
  if (matches.length === 1) return { found: matches[0]! };
  if (matches.length > 1) return { ambiguous: matches.map((m) => m.displayName) };
  return { none: true, names: all.map((m) => m.displayName) };
}
