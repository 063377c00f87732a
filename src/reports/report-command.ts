/**
 * `/baocao <kỳ> [thời gian] [file]` in chat: for leaders and admins of the unit only.
 */
import { reply, type Turn } from "../conversation/turn.js";
import type { Outgoing } from "../conversation/types.js";
import type { PeriodRow } from "../conversation/work.js";
import { buildDigest } from "./digest.js";
import { parsePeriodQuery } from "./period-query.js";
import type { ReportJobs } from "./report-jobs.js";

export async function reportCommand(turn: Turn, args: string[], jobs?: ReportJobs): Promise<Outgoing[]> {
  const { t, tx } = turn;
  if (turn.member.role === "officer") return [reply(turn, t("digest.refused"))];
  const parsed = parsePeriodQuery(args);
  if (!parsed.ok) return [reply(turn, t(parsed.error === "kind" ? "digest.bad_kind" : "digest.bad_when"))];
  const { kind, year, number, file } = parsed.query;
  // Only the member's own unit: a leader never sees another unit's figures.
  const period = (await tx.period.findFirst({
    where: { unitId: turn.member.unitId, kind, ...(year !== undefined ? { year, number } : {}) },
    orderBy: [{ year: "desc" }, { number: "desc" }],
  })) as PeriodRow | null;
  if (!period) {
    const when = year !== undefined ? ` ${args.slice(1).filter((a) => /\d/.test(a)).join(" ")}` : "";
    return [reply(turn, t("digest.no_period", { kind: args[0] ?? "", when }))];
  }
  if (file && jobs) {
    const unit = await tx.unit.findUniqueOrThrow({ where: { id: period.unitId }, select: { code: true } });
    const { incoming } = turn;
    turn.afterCommit.push(() =>
      jobs.request({ unitCode: unit.code, period, channel: incoming.channel, chatExternalId: incoming.chat.externalId, replyToMessageId: incoming.messageId }),
    );
    return [reply(turn, t("report.building"))];
  }
  return [reply(turn, await buildDigest(tx, turn.templates, t, period, turn.timeZone))];
}
