/**
 * Everything one incoming message is handled with: the open transaction, the sender as a
 * member, the chat, and the member's interview state in that chat.
 */
import type { Translate } from "../i18n.js";
import type { Tx } from "../store/database.js";
import type { TemplateCache } from "./template-index.js";
import type { Incoming, Outgoing } from "./types.js";

export interface MemberRow {
  id: number;
  unitId: number;
  displayName: string;
  role: string;
  lastChannel?: string | null;
}

export interface ChatRow {
  id: number;
  kind: string;
  unitId: number | null;
}

export interface StateRow {
  id: number;
  mode: string;
  periodId: number | null;
  questionId: number | null;
  editing: boolean;
}

export interface Turn {
  tx: Tx;
  t: Translate;
  templates: TemplateCache;
  incoming: Incoming;
  now: Date;
  timeZone: string;
  chat: ChatRow;
  member: MemberRow;
  state: StateRow;
  /** Work to start once the transaction has committed (never inside it). */
  afterCommit: (() => void)[];
}

/** Writes the interview state; only the fields given change. */
/** Changes to where a member stands in a chat. */
export type StatePatch = Partial<Omit<StateRow, "id">>;

export async function setState(turn: Turn, patch: StatePatch): Promise<void> {
  Object.assign(turn.state, patch);
  await turn.tx.interviewState.update({ where: { id: turn.state.id }, data: patch });
}

/**
 * A reply in this chat. In a group it is addressed to the officer: it quotes their message
 * and names them, so that several officers can answer in one group without confusion.
 */
export function reply(turn: Turn, text: string, extra: Partial<Outgoing> = {}): Outgoing {
  if (turn.chat.kind !== "group") return { text, ...extra };
  const name = turn.incoming.user.username ? `@${turn.incoming.user.username}` : turn.member.displayName;
  return { text: turn.t("group.addressed", { name, text }), replyToMessageId: turn.incoming.messageId, ...extra };
}
