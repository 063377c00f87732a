/**
 * Creates an invite code that lets one person (or a few) join a unit with a role by typing
 * `/start <code>` to the bot (src/domain/short-code.ts: six symbols that are hard to misread).
 */
import { shortCode } from "../domain/short-code.js";
import type { Db, Tx } from "../store/database.js";
import { AdminError } from "./admin-error.js";
import { findUnit } from "./lookup.js";

export const ROLES = ["admin", "leader", "officer"] as const;
export type Role = (typeof ROLES)[number];

/** A fresh code colliding with a stored one is rare; this many in a row means something is broken. */
const MAX_ATTEMPTS = 20;
const MAX_USES = 500;
const MAX_DAYS = 365;
const DAY_MS = 86_400_000;

export interface CreateInviteInput {
  unitCode: string;
  role: string;
  maxUses?: number;
  expiresInDays?: number;
  now: Date;
}

export interface CreatedInvite {
  code: string;
  role: Role;
  maxUses: number;
  expiresAt: Date;
  unit: { code: string; name: string };
}

/** `randomIndex(n)` returns an integer in [0, n) (crypto.randomInt by default); tests pass a predictable one to force collisions. */
export async function createInvite(db: Db, input: CreateInviteInput, randomIndex?: (n: number) => number): Promise<CreatedInvite> {
  const role = ROLES.find((r) => r === input.role.trim().toLowerCase());
  if (role === undefined) throw new AdminError("admin.error.role", { role: input.role });
  const maxUses = input.maxUses ?? 1;
  if (!Number.isInteger(maxUses) || maxUses < 1 || maxUses > MAX_USES) throw new AdminError("admin.error.invite_uses", { max: MAX_USES });
  const days = input.expiresInDays ?? 14;
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) throw new AdminError("admin.error.invite_days", { max: MAX_DAYS });
  const expiresAt = new Date(input.now.getTime() + days * DAY_MS);

  return db.$transaction(async (tx) => {
    const unit = await findUnit(tx, input.unitCode);
    const code = await freeCode(tx, randomIndex);
    const invite = await tx.invite.create({ data: { unitId: unit.id, code, role, maxUses, expiresAt, createdAt: input.now } });
    await tx.auditLog.create({
      data: { unitId: unit.id, action: "invite.created", detail: { inviteId: invite.id, role, maxUses, expiresAt: expiresAt.toISOString() }, createdAt: input.now },
    });
    return { code, role, maxUses, expiresAt, unit: { code: unit.code, name: unit.name } };
  });
}

/** A code no invite has, expired and used-up ones included: `/start` looks codes up without the unit. */
async function freeCode(tx: Tx, randomIndex: ((n: number) => number) | undefined): Promise<string> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const code = shortCode(randomIndex);
    if (!(await tx.invite.findUnique({ where: { code }, select: { id: true } }))) return code;
  }
  throw new Error(`no free invite code after ${MAX_ATTEMPTS} attempts`);
}
