import type { WechatInbound } from '@hotline/channels/wechat';
import type { Config } from '../../platform/config/index.ts';
import { citizenTexts, citizenTime } from '../../platform/texts/index.ts';
import { type PublicAppeal, surveyReply } from '../../followup/index.ts';
import type { AppCtx } from '../http/index.ts';
import { handleInbound } from './inbound.ts';

/** EventKeys of the account's custom menu (自定义菜单) that this hotline answers; set them in the WeChat console. */
export const WECHAT_MENU_KEYS = { report: 'REPORT', progress: 'PROGRESS' } as const;

/**
 * What the hotline answers a WeChat push with, inline (WeChat waits at most 5 seconds).
 * A message is filed (persisted before we answer) and acknowledged with its case number; a
 * message that is only a case number (or 「查询 <案件号>」) is a progress query; a rating 1–5 answering
 * a 回访 survey is recorded and thanked; events are answered, never filed.
 * `undefined` means acknowledge without a reply.
 */
export async function answerWechatPush({ ctx, input }: { ctx: AppCtx; input: WechatInbound }): Promise<string | undefined> {
  const { wechat } = citizenTexts(ctx.config.language);
  if (input.kind === 'event') return answerEvent(wechat, input.event, input.eventKey);
  // Idempotent on MsgId: WeChat's re-delivery gets the same appeal, hence the same answer.
  const outcome = await handleInbound(ctx, input.inbound);
  switch (outcome.kind) {
    case 'lookup':
      return outcome.found ? describeProgress(outcome.found, ctx.config) : wechat.notFound(outcome.caseNumber);
    case 'rated':
      return surveyReply(ctx.config.language, outcome.answer);
    case 'filed':
      return wechat.received(outcome.filed.appeal.caseNumber);
    case 'keyword':
      return undefined;
  }
}

type WechatTexts = ReturnType<typeof citizenTexts>['wechat'];

function answerEvent(wechat: WechatTexts, event: string, eventKey: string | undefined): string | undefined {
  const welcome = wechat.welcome(wechat.howToReport, wechat.howToTrack);
  if (event === 'subscribe') return welcome;
  if (event !== 'CLICK') return undefined;
  if (eventKey === WECHAT_MENU_KEYS.progress) return wechat.howToTrack;
  if (eventKey === WECHAT_MENU_KEYS.report) return wechat.howToReport;
  return welcome;
}

/** The same public facts as the web lookup: the current step (with its time limit) and dates, never personal data. */
function describeProgress(appeal: PublicAppeal, config: Config): string {
  const texts = citizenTexts(config.language);
  const { wechat } = texts;
  const time = (at: string) => citizenTime(texts, at, config.timezone);
  const lines = [wechat.caseNumber(appeal.caseNumber), wechat.status(appeal.statusText), wechat.submittedAt(time(appeal.submittedAt))];
  if (appeal.decidedAt) lines.push(wechat.decidedAt(time(appeal.decidedAt)));
  if (appeal.rejectReason) lines.push(wechat.rejectReason(appeal.rejectReason));
  return lines.join('\n');
}
