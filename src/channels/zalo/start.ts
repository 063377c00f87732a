/**
 * The Zalo channel: the project's own Bot API client, long polling (after removing any
 * webhook) or a webhook on the bot's HTTP server, and the same conversation engine as
 * Telegram. Messages of one chat are handled in order, different chats concurrently.
 *
 * Zalo's getUpdates has no offset to confirm and the webhook is answered before processing
 * (as the platform asks), so a crash can lose an update that was fetched but not yet
 * committed; repeated deliveries are harmless (the engine records each message id).
 */
import type { Core } from "../../app.js";
import { formatDateTimeVn } from "../../domain/format-vn.js";
import { signDownload } from "../../http/signed-links.js";
import type { Config } from "../../config.js";
import type { HttpServer } from "../../http/server.js";
import type { RunningChannel } from "../channel.js";
import { KeyedQueue } from "../keyed-queue.js";
import type { ZaloUpdate } from "./api-types.js";
import { ZaloBotClient } from "./client.js";
import { isUnauthorized } from "./errors.js";
import { sendOutgoing, type LinkFor } from "./send.js";

/** How long a report download link stays valid. */
const LINK_HOURS = 24;
import { toIncoming } from "./to-incoming.js";
import { parseUpdates } from "./update.js";
import { BodyTooLargeError, readJsonBody, verifyWebhookSecret } from "./webhook.js";

export async function startZalo(core: Core, config: Config, http: HttpServer, client?: ZaloBotClient): Promise<RunningChannel> {
  const { token, apiBase, webhookUrl, webhookSecret } = config.zalo;
  if (!token) throw new Error("ZALO_BOT_TOKEN is not set");
  const api = client ?? new ZaloBotClient({ token, baseUrl: apiBase });
  const { log, engine } = core;
  const queue = new KeyedQueue();

  const linkFor: LinkFor = (file) => {
    const expiresAt = new Date(Date.now() + LINK_HOURS * 3_600_000);
    const url = signDownload({ fileId: file.id, expiresAt, key: core.downloads.key, baseUrl: core.downloads.baseUrl });
    return core.t("report.link", { expires: formatDateTimeVn(expiresAt, config.timeZone), url });
  };
  core.senders.set("zalo", async (chatId, out) => void (await sendOutgoing(api, chatId, out, linkFor)));

  const dispatch = (update: ZaloUpdate) => {
    const incoming = toIncoming(update);
    if (!incoming) return;
    void queue.push(
      incoming.chat.externalId,
      async () => {
        for (const out of await engine.handle(incoming)) {
          try {
            const id = await sendOutgoing(api, incoming.chat.externalId, out, linkFor);
            if (out.prompt) await engine.recordPrompt(out.prompt, { externalMessageId: id });
          } catch (err) {
            // The answer is committed; a failed reply must not undo it.
            log.warn({ err, chat: incoming.chat.externalId }, "sending a Zalo reply failed");
          }
        }
      },
      (err) => log.error({ err }, "handling a Zalo update failed"),
    );
  };

  const me = await api.getMe();
  log.info({ bot: me.account_name, mode: webhookUrl ? "webhook" : "polling" }, "zalo bot started");

  if (webhookUrl && webhookSecret) {
    http.route("POST", new URL(webhookUrl).pathname, async (req, res) => {
      if (!verifyWebhookSecret(req.headers["x-bot-api-secret-token"] as string | undefined, webhookSecret)) {
        res.writeHead(401).end();
        return;
      }
      let body: unknown;
      try {
        body = await readJsonBody(req);
      } catch (err) {
        res.writeHead(err instanceof BodyTooLargeError ? 413 : 400).end();
        return;
      }
      // Answer at once, as the platform expects; the work goes on in the chat's queue.
      res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
      for (const update of parseUpdates(body)) dispatch(update);
    });
    await api.setWebhook(webhookUrl, webhookSecret);
    return { stop: () => queue.idle() };
  }

  const info = await api.getWebhookInfo();
  if (info.url) await api.deleteWebhook();
  const abort = new AbortController();
  const loop = (async () => {
    let failures = 0;
    while (!abort.signal.aborted) {
      try {
        const updates = await api.getUpdates(25, abort.signal);
        failures = 0;
        for (const update of updates) dispatch(update);
      } catch (err) {
        if (abort.signal.aborted) return;
        if (isUnauthorized(err)) {
          log.fatal("Zalo rejected the bot token (401): check ZALO_BOT_TOKEN.");
          return;
        }
        failures += 1;
        const delay = Math.min(30_000, 500 * 2 ** Math.min(failures, 6));
        log.warn({ err, delay }, "Zalo getUpdates failed, retrying");
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  })();
  return {
    async stop() {
      abort.abort();
      await loop;
      await queue.idle();
    },
  };
}
