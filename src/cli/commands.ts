/**
 * The admin commands: how each one reads its arguments, which operation of src/admin it calls,
 * and how it prints the result (Vietnamese dates dd/mm/yyyy and numbers 1.234.567).
 */
import { ROLES, createInvite } from "../admin/create-invite.js";
import { assignSection } from "../admin/assign-section.js";
import { createUnit } from "../admin/create-unit.js";
import { setUnitSettings } from "../admin/unit-settings.js";
import { listMembers } from "../admin/list-members.js";
import { listSections } from "../admin/list-sections.js";
import type { Owner } from "../admin/lookup.js";
import { openPeriod } from "../admin/open-period.js";
import { setPlanTarget } from "../admin/set-plan-target.js";
import { unitProgress } from "../admin/unit-progress.js";
import { localDay } from "../domain/local-time.js";
import { formatDateVn, formatNumber } from "../domain/format-vn.js";
import { formatIndicator } from "../domain/render-value.js";
import { periodLabel, type PeriodRef } from "../domain/period-label.js";
import type { Question } from "../domain/template.js";
import type { MessageKey, Translate } from "../i18n.js";
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { FileStore } from "../files/file-store.js";
import { buildReportFile } from "../reports/report-file.js";
import type { Db } from "../store/database.js";
import { amountArg, dateArg, integerOption, memberArg, periodArg, yearArg } from "./args.js";

export interface Context {
  db: Db;
  t: Translate;
  out(line: string): void;
  now: Date;
  timeZone: string;
  /** Where generated files are kept (BAOCAO_FILES_DIR). */
  filesDir: string;
}

export interface Command {
  /** The words that select it, e.g. "invite create". */
  name: string;
  syntax: MessageKey;
  describe: MessageKey;
  /** Whether the command takes this many positional arguments (after its name). */
  accepts(count: number): boolean;
  /** Options given as `--name value`. */
  options?: readonly string[];
  /** Options the command cannot do without. */
  required?: readonly string[];
  run(ctx: Context, args: string[], options: Record<string, string | undefined>): Promise<void>;
}

/** `<kind> <number>/<year>` after the unit code, when given. */
const optionalPeriod = (args: string[]): PeriodRef | undefined => (args.length === 3 ? periodArg(args[1]!, args[2]!) : undefined);

export const COMMANDS: readonly Command[] = [
  {
    name: "unit create",
    syntax: "admin.syntax.unit_create",
    describe: "admin.describe.unit_create",
    accepts: (n) => n >= 2,
    async run({ db, t, out }, [code, ...name]) {
      const unit = await createUnit(db, { code: code!, name: name.join(" ") });
      out(t("admin.unit.created", { name: unit.name, code: unit.code }));
      out(t("admin.unit.next", { code: unit.code }));
    },
  },
  {
    name: "unit settings",
    syntax: "admin.syntax.unit_settings",
    describe: "admin.describe.unit_settings",
    accepts: (n) => n === 1,
    options: ["official-name", "place", "signer", "signer-title", "recipients", "symbol", "reminders"],
    async run({ db, t, out, timeZone }, [unitCode], options) {
      await setUnitSettings(db, unitCode!, {
        officialName: options["official-name"],
        placeName: options.place,
        signerName: options.signer,
        // "KT. CHỦ TỊCH|PHÓ CHỦ TỊCH" prints on two lines.
        signerTitle: options["signer-title"]?.replaceAll("|", "\n"),
        recipients: options.recipients?.split("|"),
        reportSymbol: options.symbol,
        reminders: options.reminders,
      }, timeZone);
      out(t("admin.unit.settings_saved", { code: unitCode! }));
    },
  },
  {
    name: "invite create",
    syntax: "admin.syntax.invite_create",
    describe: "admin.describe.invite_create",
    accepts: (n) => n === 1,
    options: ["role", "uses", "days"],
    required: ["role"],
    async run(ctx, [unitCode], options) {
      const { t, out } = ctx;
      const invite = await createInvite(ctx.db, {
        unitCode: unitCode!,
        role: options.role!,
        maxUses: integerOption("uses", options.uses, 5),
        expiresInDays: integerOption("days", options.days, 14),
        now: ctx.now,
      });
      out(t("admin.invite.created", { code: invite.code, unit: invite.unit.name, role: roleName(t, invite.role), uses: formatNumber(invite.maxUses), expires: day(ctx, invite.expiresAt) }));
      out(t("admin.invite.instruction", { code: invite.code }));
    },
  },
  {
    name: "period open",
    syntax: "admin.syntax.period_open",
    describe: "admin.describe.period_open",
    accepts: (n) => n === 3,
    options: ["deadline", "template"],
    async run(ctx, [unitCode, kind, when], options) {
      const { t, out } = ctx;
      const ref = periodArg(kind!, when!);
      const deadline = options.deadline === undefined ? undefined : dateArg(options.deadline, ref.year);
      const period = await openPeriod(ctx.db, { unitCode: unitCode!, ...ref, deadline, templateKey: options.template, now: ctx.now, timeZone: ctx.timeZone });
      out(
        t("admin.period.opened", {
          period: periodLabel(period, t),
          unit: period.unit.name,
          startsOn: formatDateVn(period.startsOn),
          endsOn: formatDateVn(period.endsOn),
          deadline: day(ctx, period.deadline),
          time: clock(ctx, period.deadline),
        }),
      );
      out(t("admin.period.template", { name: period.template.name, version: period.template.version }));
    },
  },
  {
    name: "assign",
    syntax: "admin.syntax.assign",
    describe: "admin.describe.assign",
    // A name may be typed without quotes: "Nguyễn Văn An" arrives as three arguments.
    accepts: (n) => n >= 5,
    async run({ db, t, out }, [unitCode, kind, when, sectionKey, ...member]) {
      const result = await assignSection(db, { unitCode: unitCode!, periodRef: periodArg(kind!, when!), sectionKey: sectionKey!, member: memberArg(member.join(" ")) });
      out(t("admin.assign.done", { count: result.sections.length, period: periodLabel(result.period, t), member: `${result.member.displayName} (#${result.member.id})` }));
      for (const s of result.sections) {
        const previous = s.previousOwner === null ? "" : t("admin.assign.previous", { name: s.previousOwner });
        out(t("admin.assign.line", { key: s.key, title: s.title, previous }));
      }
    },
  },
  {
    name: "plan set",
    syntax: "admin.syntax.plan_set",
    describe: "admin.describe.plan_set",
    // "8,291 tỷ" may be typed without quotes.
    accepts: (n) => n >= 4,
    async run({ db, t, out }, [unitCode, year, questionKey, ...value]) {
      const plan = await setPlanTarget(db, { unitCode: unitCode!, year: yearArg(year!), questionKey: questionKey!, value: amountArg(value.join(" ")) });
      const { question } = plan;
      out(t("admin.plan.saved", { plan: question.plan?.label ?? "", year: plan.year, unit: plan.unit.name, key: question.key, label: question.label, value: formatIndicator(question, plan.value) }));
      if (plan.previous !== null && plan.previous !== plan.value) out(t("admin.plan.previous", { value: formatIndicator(question, plan.previous) }));
    },
  },
  {
    name: "members",
    syntax: "admin.syntax.members",
    describe: "admin.describe.members",
    accepts: (n) => n === 1,
    async run(ctx, [unitCode]) {
      const { t, out } = ctx;
      const { unit, members } = await listMembers(ctx.db, unitCode!);
      if (members.length === 0) {
        out(t("admin.members.none", { unit: unit.name, code: unit.code }));
        return;
      }
      out(t("admin.members.header", { unit: unit.name, count: formatNumber(members.length) }));
      for (const m of members) {
        out(t("admin.members.line", { id: m.id, name: m.displayName, role: roleName(t, m.role), channels: m.channels.join(", ") || "—", joined: day(ctx, m.joinedAt) }));
      }
    },
  },
  {
    name: "sections",
    syntax: "admin.syntax.sections",
    describe: "admin.describe.sections",
    accepts: (n) => n === 1 || n === 3,
    async run({ db, t, out }, args) {
      const { unit, period, sections } = await listSections(db, args[0]!, optionalPeriod(args));
      out(t("admin.sections.header", { period: periodLabel(period, t), unit: unit.name }));
      for (const s of sections) out(t("admin.sections.line", { key: s.key, title: s.title, owner: ownerName(t, s.owner) }));
    },
  },
  {
    name: "report",
    syntax: "admin.syntax.report",
    describe: "admin.describe.report",
    accepts: (n) => n === 1 || n === 3,
    options: ["out"],
    async run(ctx, args, options) {
      const { t, out, db } = ctx;
      const store = new FileStore({ dir: ctx.filesDir, db });
      const { row, bytes } = await buildReportFile(db, store, t, args[0]!, optionalPeriod(args), ctx.now);
      const path = resolve(options.out ?? row.fileName);
      await writeFile(path, bytes);
      const period = await db.period.findUniqueOrThrow({ where: { id: row.periodId! }, include: { unit: true } });
      out(t("admin.report.written", { period: periodLabel(period, t), unit: period.unit.name, path, size: formatNumber(row.size), version: row.version }));
    },
  },
  {
    name: "progress",
    syntax: "admin.syntax.progress",
    describe: "admin.describe.progress",
    accepts: (n) => n === 1 || n === 3,
    async run(ctx, args) {
      const { t, out } = ctx;
      const { unit, period, sections } = await unitProgress(ctx.db, args[0]!, optionalPeriod(args));
      out(t("admin.progress.header", { period: periodLabel(period, t), unit: unit.name, deadline: day(ctx, period.deadline) }));
      for (const s of sections) {
        const line = s.complete ? "admin.progress.line_done" : "admin.progress.line_open";
        out(t(line, { key: s.key, title: s.title, answered: formatNumber(s.answered), total: formatNumber(s.total), owner: ownerName(t, s.owner) }));
      }
      const answered = sections.reduce((n, s) => n + s.answered, 0);
      const total = sections.reduce((n, s) => n + s.total, 0);
      out(
        t("progress.unit", {
          done: formatNumber(sections.filter((s) => s.complete).length),
          sections: formatNumber(sections.length),
          answered: formatNumber(answered),
          total: formatNumber(total),
          percent: total === 0 ? "0" : String(Math.floor((answered / total) * 100)),
        }),
      );
      const unassigned = sections.filter((s) => s.owner === null).length;
      if (unassigned > 0) out(t("admin.progress.unassigned", { count: formatNumber(unassigned) }));
    },
  },
];

/** The local calendar day of an instant, dd/mm/yyyy. */
function day(ctx: Context, instant: Date): string {
  return formatDateVn(localDay(instant, ctx.timeZone));
}

/** The local time of an instant, "17:00". */
function clock(ctx: Context, instant: Date): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone: ctx.timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
}

function roleName(t: Translate, role: string): string {
  const known = ROLES.find((r) => r === role);
  return known === undefined ? role : t(`role.${known}`);
}

function ownerName(t: Translate, owner: Owner | null): string {
  return owner === null ? t("admin.owner.none") : `${owner.displayName} (#${owner.id})`;
}

