import type { WechatInbound } from '@hotline/channels/wechat';
import type { AppCtx } from '../http/deps.ts';
import type { PublicAppeal } from '../../appeals/views.ts';
import { citizenTime, currentStepWords, lookupKnownCase, trackingQueryOf } from '../../followup/public-lookup.ts';
import { receiveInbound } from '../../appeals/receive-inbound.ts';
import { surveyThanks } from '../../followup/survey.ts';

/** EventKeys of the account's custom menu (自定义菜单) that this hotline answers; set them in the WeChat console. */
export const WECHAT_MENU_KEYS = { report: 'REPORT', progress: 'PROGRESS' } as const;

const HOW_TO_REPORT = '直接在对话框发送文字、语音、图片或位置即可反映问题，我们会回复案件流水号。';
const HOW_TO_TRACK = '发送案件流水号（14 位以上数字，如 20261122000123），或「查询 案件流水号」，即可查询办理进度。';

export const wechatTexts = {
  received: (caseNumber: string) => `您的诉求已收到，案件流水号 ${caseNumber}。我们会尽快处理。`,
  welcome: `感谢关注市民热线！\n${HOW_TO_REPORT}\n${HOW_TO_TRACK}`,
  howToReport: HOW_TO_REPORT,
  howToTrack: HOW_TO_TRACK,
  notFound: (caseNumber: string) => `未找到该案件（流水号 ${caseNumber}），请核对后重新发送。`,
};


/**
 * What the hotline answers a WeChat push with, inline (WeChat waits at most 5 seconds).
 * A message is filed (persisted before we answer) and acknowledged with its case number; a
 * message that is only a case number (or 「查询 <案件号>」) is a progress query; a rating 1–5 answering
 * a 回访 survey is recorded and thanked; events are answered, never filed.
 * `undefined` means acknowledge without a reply.
 */
export async function answerWechatPush({ ctx, input }: { ctx: AppCtx; input: WechatInbound }): Promise<string | undefined> {
  if (input.kind === 'event') return answerEvent(input.event, input.eventKey);
  const queried = input.msgType === 'text' ? trackingQueryOf(input.inbound.text) : undefined;
  if (queried) return progressOf(ctx, queried);
  // Idempotent on MsgId: WeChat's re-delivery gets the same appeal, hence the same answer.
  const { appeal, rating } = await receiveInbound({ ctx, input: input.inbound });
  if (rating) return surveyThanks(rating);
  return wechatTexts.received(appeal.caseNumber);
}

function answerEvent(event: string, eventKey: string | undefined): string | undefined {
  if (event === 'subscribe') return wechatTexts.welcome;
  if (event !== 'CLICK') return undefined;
  if (eventKey === WECHAT_MENU_KEYS.progress) return wechatTexts.howToTrack;
  if (eventKey === WECHAT_MENU_KEYS.report) return wechatTexts.howToReport;
  return wechatTexts.welcome;
}

async function progressOf(ctx: AppCtx, caseNumber: string): Promise<string> {
  const found = await lookupKnownCase(ctx, caseNumber);
  return found ? describeProgress(found, ctx.config.timezone) : wechatTexts.notFound(caseNumber);
}

/** The same public facts as the web lookup: the current step (with its time limit) and dates, never personal data. */
function describeProgress(appeal: PublicAppeal, timeZone: string): string {
  const lines = [`案件流水号 ${appeal.caseNumber}`, `办理状态：${currentStepWords(appeal, timeZone)}`, `提交时间：${citizenTime(appeal.submittedAt, timeZone)}`];
  if (appeal.decidedAt) lines.push(`处理时间：${citizenTime(appeal.decidedAt, timeZone)}`);
  if (appeal.rejectReason) lines.push(`不予受理原因：${appeal.rejectReason}`);
  return lines.join('\n');
}
