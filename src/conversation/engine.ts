/**
 * The conversation engine: one plain Incoming in, plain Outgoing messages back, for every
 * channel. Each message is handled in one database transaction that also records the
 * update as processed, so an answer is either stored together with that mark or not at all,
 * and a repeated delivery changes nothing. Replies are sent only after the commit.
 */
import type { Translate } from "../i18n.js";
import type { Logger } from "../logger.js";
import { isUniqueViolation, type Db, type Tx } from "../store/database.js";
import { join, help, pause, progress } from "./commands.js";
import { issueLinkCode, useLinkCode } from "./link.js";
import { absenceCommand } from "./absence.js";
import { channelCommand } from "./channel-choice.js";
import { nudgeCommand } from "./nudge.js";
import { RESUME_PREFIX } from "../reminders/messages.js";
import { reportCommand } from "../reports/report-command.js";
import type { ReportJobs } from "../reports/report-jobs.js";
import { answer, back, CHOICE_PREFIX, keep, listForEdit, resume, SHORTCUT_PREFIX, skip } from "./interview.js";
import { matchKeyword, parseCommand } from "../domain/parse-command.js";
import type { TemplateCache } from "./template-index.js";
import { reply, type ChatRow, type MemberRow, type Turn } from "./turn.js";
import type { Incoming, Outgoing, PromptRef, SentMessage } from "./types.js";

export interface EngineDeps {
  db: Db;
  t: Translate;
  templates: TemplateCache;
  log: Logger;
  timeZone: string;
  now?: () => Date;
  /** Where `/baocao … file` hands the compiled document over; without it only the digest is offered. */
  reports?: ReportJobs;
  /** Told after a commit that planned a reminder to send now (/nhacnho). */
  onReminderPlanned?: () => void;
}

export class ConversationEngine {
  readonly #deps: EngineDeps;
  readonly #now: () => Date;

  constructor(deps: EngineDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? (() => new Date());
  }

  async handle(incoming: Incoming): Promise<Outgoing[]> {
    const { db, log, t } = this.#deps;
    const key = { channel: incoming.channel, updateKey: incoming.updateKey };
    const afterCommit: (() => void)[] = [];
    try {
      const replies = await db.$transaction(
        async (tx) => {
          // First statement of the transaction: a repeated delivery fails here on the unique key.
          await tx.processedUpdate.create({ data: key });
          return await this.#route(tx, incoming, afterCommit);
        },
        { maxWait: 30_000, timeout: 30_000 },
      );
      for (const start of afterCommit) start();
      return replies;
    } catch (error) {
      // Already handled, earlier or at this moment by another worker or process: nothing to do.
      if (await db.processedUpdate.findUnique({ where: { channel_updateKey: key }, select: { id: true } })) return [];
      log.error({ err: error, channel: incoming.channel, updateKey: incoming.updateKey }, "handling an update failed");
      return [{ text: t("error.internal"), replyToMessageId: incoming.messageId }];
    }
  }

  /** After a question was sent: remember its message id so that a reply to it in a group finds its question. */
  async recordPrompt(prompt: PromptRef, sent: SentMessage): Promise<void> {
    // A plain insert: one statement, no transaction (an upsert is one, and under load waits for a connection).
    try {
      await this.#deps.db.prompt.create({ data: { ...prompt, externalMessageId: sent.externalMessageId } });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }

  async #route(tx: Tx, incoming: Incoming, afterCommit: (() => void)[]): Promise<Outgoing[]> {
    const { t } = this.#deps;
    const now = this.#now();
    const chat = await upsertChat(tx, incoming);
    const command = incoming.text ? parseCommand(incoming.text) : null;
    const group = chat.kind === "group";
    // Privacy mode: in a group only commands, replies to the bot, mentions and button presses are for us.
    if (group && !command && !incoming.choice && !incoming.replyToBotMessageId && !incoming.mentionsBot) return [];

    const member = await findMember(tx, incoming);
    if (command?.name === "lienket" && command.args[0]) return useLinkCode(tx, t, incoming, member, command.args[0], now);
    if (!member) {
      if (command?.name === "start") return join(tx, t, incoming, command.args[0], now);
      if (group && !command) return [];
      return [{ text: t("join.not_member"), replyToMessageId: incoming.messageId }];
    }
    if (member.lastChannel !== incoming.channel) {
      await tx.member.update({ where: { id: member.id }, data: { lastChannel: incoming.channel } });
    }
    if (group && chat.unitId === null) {
      await tx.chat.update({ where: { id: chat.id }, data: { unitId: member.unitId } });
      chat.unitId = member.unitId;
    }
    // find-then-create instead of upsert: Prisma's upsert costs three queries on every message.
    const state =
      (await tx.interviewState.findUnique({ where: { memberId_chatId: { memberId: member.id, chatId: chat.id } } })) ??
      (await tx.interviewState.create({ data: { memberId: member.id, chatId: chat.id } }));
    const turn: Turn = { tx, t, templates: this.#deps.templates, incoming, now, timeZone: this.#deps.timeZone, chat, member, state, afterCommit };

    if (command) return this.#command(turn, command.name, command.args);
    if (incoming.choice) return this.#choice(turn, incoming.choice);
    return this.#text(turn, incoming.text ?? "");
  }

  #command(turn: Turn, name: string, args: string[]): Promise<Outgoing[]> | Outgoing[] {
    const { t } = turn;
    switch (name) {
      case "start":
        return args[0] ? [reply(turn, t("join.already", { unit: "" }).trim())] : [reply(turn, help(t))];
      case "nhap":
        return resume(turn);
      case "sua":
        return listForEdit(turn, args[0]);
      case "tiendo":
        return progress(turn);
      case "huy":
        return pause(turn);
      case "trogiup":
      case "help":
        return [reply(turn, help(t))];
      case "lienket":
        return issueLinkCode(turn);
      case "baocao":
        return reportCommand(turn, args, this.#deps.reports);
      case "vangmat":
        return absenceCommand(turn, args);
      case "nhacnho":
        return nudgeCommand(turn, args, this.#deps.onReminderPlanned);
      case "kenh":
        return channelCommand(turn, args);
      default:
        return [reply(turn, t("command.unknown"))];
    }
  }

  /** A pressed button: an option of the question on screen, or skip / keep / back. */
  async #choice(turn: Turn, data: string): Promise<Outgoing[]> {
    // "Nhập tiếp" under a reminder: continue wherever the member stands.
    if (data.startsWith(RESUME_PREFIX)) return resume(turn);
    const [prefix, questionText, value = ""] = splitChoice(data);
    const questionId = Number(questionText);
    if (turn.state.mode !== "answering" || turn.state.questionId !== questionId) {
      // An old button, or somebody else's question in a group: say so instead of guessing.
      return [reply(turn, turn.t("interview.stale_button"))];
    }
    if (prefix === CHOICE_PREFIX) return answer(turn, value === "yes" ? "có" : value === "no" ? "không" : value, questionId);
    if (value === "skip") return skip(turn);
    if (value === "keep") return keep(turn);
    if (value === "back") return back(turn);
    return [reply(turn, turn.t("interview.stale_button"))];
  }

  async #text(turn: Turn, text: string): Promise<Outgoing[]> {
    const { t, tx, incoming } = turn;
    // In a group, a reply to one of our questions answers that question, and only for its addressee.
    if (incoming.replyToBotMessageId) {
      const prompt = await tx.prompt.findUnique({
        where: { chatId_externalMessageId: { chatId: turn.chat.id, externalMessageId: incoming.replyToBotMessageId } },
      });
      if (prompt && prompt.memberId !== turn.member.id) return turn.chat.kind === "group" ? [] : [reply(turn, t("interview.not_yours"))];
      if (prompt && turn.state.mode === "answering" && turn.state.questionId !== prompt.questionId) {
        await tx.interviewState.update({ where: { id: turn.state.id }, data: { periodId: prompt.periodId, questionId: prompt.questionId } });
        turn.state.periodId = prompt.periodId;
        turn.state.questionId = prompt.questionId;
      }
    }
    if (turn.state.mode === "picking_edit") return listForEdit(turn, text);
    if (turn.state.mode !== "answering") {
      return [reply(turn, t("interview.idle_hint"))];
    }
    switch (matchKeyword(text)) {
      case "skip":
        return skip(turn);
      case "back":
        return back(turn);
      case "keep":
        return keep(turn);
      case "cancel":
        return pause(turn);
      default:
        return answer(turn, text);
    }
  }
}

function splitChoice(data: string): [string, string, string] {
  const prefix = data.startsWith(CHOICE_PREFIX) ? CHOICE_PREFIX : data.startsWith(SHORTCUT_PREFIX) ? SHORTCUT_PREFIX : "";
  const rest = data.slice(prefix.length);
  const colon = rest.indexOf(":");
  return colon < 0 ? [prefix, rest, ""] : [prefix, rest.slice(0, colon), rest.slice(colon + 1)];
}

async function upsertChat(tx: Tx, incoming: Incoming): Promise<ChatRow> {
  const select = { id: true, kind: true, unitId: true } as const;
  return (
    (await tx.chat.findUnique({ where: { channel_externalId: { channel: incoming.channel, externalId: incoming.chat.externalId } }, select })) ??
    (await tx.chat.create({ data: { channel: incoming.channel, externalId: incoming.chat.externalId, kind: incoming.chat.kind, title: incoming.chat.title }, select }))
  );
}

async function findMember(tx: Tx, incoming: Incoming): Promise<MemberRow | null> {
  return tx.member.findFirst({
    where: { identities: { some: { channel: incoming.channel, externalUserId: incoming.user.externalId } } },
    select: { id: true, unitId: true, displayName: true, role: true, lastChannel: true },
  });
}
