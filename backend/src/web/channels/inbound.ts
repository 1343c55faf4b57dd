import type { InboundMessage } from '@hotline/channels';
import { type Keyword, interpretInbound } from '../../intake/index.ts';
import { setOptOut } from '../../identity/contacts/index.ts';
import { type IntakeResult, receiveInbound } from '../../appeals/index.ts';
import { type PublicAppeal, type SurveyAnswer, answerSurvey, lookupKnownCase } from '../../followup/index.ts';
import type { AppCtx } from '../http/index.ts';

/** What became of an inbound message; each channel words its answer from it. */
export type InboundOutcome =
  | { kind: 'keyword'; keyword: Keyword }
  | { kind: 'lookup'; caseNumber: string; found?: PublicAppeal }
  | { kind: 'rated'; answer: SurveyAnswer }
  | { kind: 'filed'; filed: IntakeResult };

/**
 * Every channel's inbound message, read once (intake's interpreter) before anything is stored: a
 * keyword changes the sender's opt-out, a case lookup is answered, a rating answers the waiting
 * 回访 survey, and anything else — a rating nobody asked for too — is filed as an appeal or a follow-up.
 */
export async function handleInbound(ctx: AppCtx, inbound: InboundMessage): Promise<InboundOutcome> {
  const intent = interpretInbound(inbound);
  switch (intent.kind) {
    case 'keyword':
      if (intent.keyword !== 'help') await setOptOut({ ctx, input: { identity: inbound.sender, optedOut: intent.keyword === 'stop' } });
      return { kind: 'keyword', keyword: intent.keyword };
    case 'lookup':
      return { kind: 'lookup', caseNumber: intent.caseNumber, found: await lookupKnownCase(ctx, intent.caseNumber) };
    case 'rating': {
      const answer = await answerSurvey({ ctx, input: { inbound, rating: intent.rating } });
      if (answer) return { kind: 'rated', answer };
      break;
    }
  }
  return { kind: 'filed', filed: await receiveInbound({ ctx, input: inbound }) };
}
