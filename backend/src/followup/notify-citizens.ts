import { eq } from 'drizzle-orm';
import type { Deps, TxCtx } from '../identity/auth/index.ts';
import { transact } from '../platform/context/index.ts';
import type { Config } from '../platform/config/index.ts';
import { citizenTexts, citizenTime } from '../platform/texts/index.ts';
import type { DomainEvent } from '../platform/domain-events/index.ts';
import type { Job } from '../platform/jobs/index.ts';
import { type Appeal, askForRatings } from '../appeals/index.ts';
import { departments } from '../reference/departments/index.ts';
import { type AnnouncedAction, type Event, type EventStep, claimStepsToAnnounce, events, reportersOf } from '../linkage/index.ts';
import type { Message } from '../messaging/index.ts';
import { deliver, storeOutbound } from '../messaging/index.ts';

const BATCH = 20;

interface Notice {
  event: Event;
  department: { name: string; nameEn: string };
  config: Pick<Config, 'language' | 'timezone'>;
}

/** What each reporter reads, with their own case number (a merged duplicate keeps its own). */
function noticeText(action: AnnouncedAction, appeal: Appeal, { event, department, config }: Notice): string {
  const texts = citizenTexts(config.language);
  if (action === 'verify_pass') return texts.notices.closed(appeal.caseNumber, event.result, texts.survey.question);
  const unit = config.language === 'en' ? department.nameEn : department.name;
  return texts.notices.dispatched(appeal.caseNumber, unit, citizenTime(texts, event.timeLimitAt, config.timezone));
}

/** Stores the step's notice for every reporter (on their own appeal, hence their own channel); a closure also asks each for a 回访 rating. */
async function storeNotices(tx: TxCtx, publish: (e: DomainEvent) => void, step: EventStep): Promise<Message[]> {
  const [row] = await tx.db
    .select({ event: events, department: { name: departments.name, nameEn: departments.nameEn } })
    .from(events)
    .innerJoin(departments, eq(departments.code, events.leadDepartmentCode))
    .where(eq(events.id, step.eventId));
  const action = step.action as AnnouncedAction;
  const notice: Notice = { event: row!.event, department: row!.department, config: tx.config };
  const reporters = await reportersOf(tx.db, row!.event);
  const stored: Message[] = [];
  for (const reporter of reporters) {
    stored.push(await storeOutbound(tx, publish, reporter, noticeText(action, reporter, notice)));
  }
  if (action === 'verify_pass')
    await askForRatings(
      tx.db,
      reporters.map((r) => r.id),
      step.citizensNotifiedAt!,
      step.createdAt,
    );
  return stored;
}

/**
 * Tells every citizen behind an event of its dispatch and closure: claims owed steps and stores
 * the notices in one transaction, then hands the notices to their channels after
 * commit — nothing is sent that was not saved, and a failed send is recorded and retried by `deliver`.
 */
export async function notifyCitizens(deps: Deps): Promise<number> {
  const ctx = { ...deps, actor: { type: 'system' as const } };
  let told = 0;
  for (;;) {
    const { steps, notices } = await transact(ctx, async (tx, publish) => {
      const claimed = await claimStepsToAnnounce(tx.db, new Date(), BATCH);
      const stored: Message[] = [];
      for (const step of claimed) stored.push(...(await storeNotices(tx, publish, step)));
      return { steps: claimed.length, notices: stored };
    });
    for (const notice of notices) await deliver(ctx, notice);
    told += notices.length;
    if (steps < BATCH) return told;
  }
}

export const notifyCitizensJob: Job<Deps> = {
  name: 'notify-citizens',
  everyMs: 30_000,
  wakeOn: ['event.changed'],
  run: notifyCitizens,
};
