import { type RefObject, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppealSummary, MessageView, SessionUser } from '@hotline/backend/api-types';
import { isApiError } from '../shared/api.ts';
import { ErrorAlert } from '../shared/components/ErrorAlert.tsx';
import { StatusBadge } from '../shared/components/StatusBadge.tsx';
import { formatDateTime } from '../shared/format.ts';
import { AnswerDialog } from './reply/AnswerDialog.tsx';
import { ChannelLabel, DuplicateBadge, ReportersBadge, UrgencyBadge } from './common/badges.tsx';
import type { ConsoleAppeal, NoteView } from './contract.ts';
import { Conversation } from './Conversation.tsx';
import { CallPanel } from './CallPanel.tsx';
import { DuplicatesPanel } from './duplicates/DuplicatesPanel.tsx';
import { MergedNotice, MergedReporters } from './duplicates/MergeOutcome.tsx';
import { EventPanel } from './EventPanel.tsx';
import { KnowledgePanel } from './reply/KnowledgePanel.tsx';
import { NlpPanel } from './nlp/NlpPanel.tsx';
import { AppealMap, ContactHistory } from './PlacePanel.tsx';
import { type ComposerMode, ReplyBox } from './reply/ReplyBox.tsx';
import type { Claim } from './queue/useClaim.ts';
import type { Decision } from './decision/useDecision.ts';
import { arrowTabs } from './common/tabs.ts';
import { useDraft } from './reply/useDraft.ts';
import { holderOf } from './queue/claim-conflict.ts';
import { insertText } from './reply/insert-text.ts';

/** What the shortcuts do inside the open appeal; Workbench calls them, the view knows how. */
export interface AppealHandle {
  focusReply(): void;
  focusNote(): void;
  focusKnowledge(): void;
  focusCategory(): void;
  focusMerge(): void;
  openAnswer(): void;
}

type SideTab = 'nlp' | 'place' | 'knowledge';
const SIDE_TABS: SideTab[] = ['nlp', 'place', 'knowledge'];

interface AppealViewProps {
  appeal: ConsoleAppeal;
  user: SessionUser;
  decision: Decision;
  claim: Claim;
  handle: RefObject<AppealHandle | null>;
  replyRef: RefObject<HTMLTextAreaElement | null>;
  onReplySent(message: MessageView): void;
  onNoted(note: NoteView): void;
  /** A correction, a merge or a direct answer came back: the summary to show everywhere. */
  onChanged(summary: AppealSummary, kind: 'classified' | 'merged' | 'answered'): void;
  onConflict(): void;
  onOpenAppeal(id: string): void;
  onTransfer(): void;
}

/** Agents hand over only what they hold; supervisors and admins any pending appeal (taking one over is a transfer to themselves). */
export function mayTransfer(appeal: Pick<AppealSummary, 'assignee' | 'status'>, user: SessionUser): boolean {
  if (appeal.status !== 'pending') return false;
  return user.role === 'agent' ? appeal.assignee?.id === user.id : true;
}

/** Whether someone else holds the appeal: agents then leave it to them (supervisors may still act). */
export function heldByOther(appeal: Pick<AppealSummary, 'assignee' | 'status'>, user: SessionUser): boolean {
  return appeal.status === 'pending' && appeal.assignee !== null && appeal.assignee.id !== user.id;
}

/**
 * One appeal: who, where and what; the conversation with colleagues' notes and the composer; beside
 * them, in tabs, what NLP made of it, where it is and who else the citizen is, and the knowledge base.
 */
export function AppealView({ appeal, user, decision, claim, handle, replyRef, onReplySent, onNoted, onChanged, onConflict, onOpenAppeal, onTransfer }: AppealViewProps) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<ComposerMode>('reply');
  const [sideTab, setSideTab] = useState<SideTab>('nlp');
  const [visited, setVisited] = useState<ReadonlySet<SideTab>>(() => new Set(['nlp']));
  const [answerOpen, setAnswerOpen] = useState(false);
  const [draft, setDraft] = useDraft(appeal.id);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const categoryRef = useRef<HTMLSelectElement>(null);
  const mergeRef = useRef<HTMLButtonElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const replySelection = useRef<{ start: number; end: number } | null>(null);
  /** Focus waits for the tab or mode that holds the element to render. */
  const [focusNext, setFocusNext] = useState<(() => HTMLElement | null) | null>(null);

  useEffect(() => {
    if (!focusNext) return;
    focusNext()?.focus();
    setFocusNext(null);
  }, [focusNext]);

  function showSide(tab: SideTab) {
    setSideTab(tab);
    setVisited((current) => (current.has(tab) ? current : new Set(current).add(tab)));
  }

  const pending = appeal.status === 'pending';
  const blocked = heldByOther(appeal, user) && user.role === 'agent';

  const actions: AppealHandle = {
    focusReply: () => {
      setMode('reply');
      setFocusNext(() => () => replyRef.current);
    },
    focusNote: () => {
      setMode('note');
      setFocusNext(() => () => noteRef.current);
    },
    focusKnowledge: () => {
      showSide('knowledge');
      setFocusNext(() => () => searchRef.current);
    },
    focusCategory: () => {
      showSide('nlp');
      setFocusNext(() => () => categoryRef.current);
    },
    focusMerge: () => {
      showSide('nlp');
      setFocusNext(() => () => mergeRef.current);
    },
    openAnswer: () => {
      if (pending && !blocked) setAnswerOpen(true);
    },
  };
  // The shortcuts always reach this render's actions, and nothing once the view is gone.
  useLayoutEffect(() => {
    handle.current = actions;
  });
  useLayoutEffect(
    () => () => {
      handle.current = null;
    },
    [handle],
  );

  /** A canned reply or an article goes into the reply at the agent's cursor. */
  function insert(text: string) {
    const { value, cursor } = insertText(draft, text, replySelection.current);
    setDraft(value);
    replySelection.current = { start: cursor, end: cursor };
    setMode('reply');
    setFocusNext(() => () => {
      const input = replyRef.current;
      // After React has put the new value in: the cursor goes just after what was inserted.
      requestAnimationFrame(() => input?.setSelectionRange(cursor, cursor));
      return input;
    });
  }

  const historyCount = appeal.contactHistory?.filter((item) => item.id !== appeal.id).length ?? 0;

  return (
    <article className="appeal-view" aria-labelledby="appeal-title" data-testid="appeal-view">
      <header className="appeal-header">
        <div className="appeal-title-row">
          <h2 id="appeal-title" className="mono">
            {appeal.caseNumber}
          </h2>
          <StatusBadge status={appeal.status} />
          <UrgencyBadge urgency={appeal.urgency} />
          <ReportersBadge count={appeal.reporterCount} />
          {appeal.status !== 'merged' && <DuplicateBadge count={appeal.duplicateSuggestions} />}
          <ChannelLabel channel={appeal.channel} />
          <HolderBadge appeal={appeal} user={user} />
          <ActionButtons appeal={appeal} user={user} decision={decision} claim={claim} blocked={blocked} onTransfer={onTransfer} />
        </div>
        <MergedNotice appeal={appeal} onOpenAppeal={onOpenAppeal} />
        <ClaimNotice appeal={appeal} claim={claim} />
        <DecisionNotice appeal={appeal} decision={decision} />
        {appeal.event && <EventPanel id="decision-explanation" event={appeal.event} />}
        <AppealFacts appeal={appeal} />
      </header>
      <div className="appeal-body">
        <div className="appeal-thread">
          {appeal.calls.length > 0 && <CallPanel calls={appeal.calls} />}
          <Conversation messages={appeal.messages} notes={appeal.notes ?? []} citizenName={appeal.contact.name} />
          <ReplyBox
            appealId={appeal.id}
            mode={mode}
            onMode={setMode}
            draft={draft}
            setDraft={setDraft}
            replyRef={replyRef}
            noteRef={noteRef}
            onInsert={insert}
            onBlurSelection={(selection) => {
              replySelection.current = selection;
            }}
            onSent={onReplySent}
            onNoted={onNoted}
            answer={{ shown: pending, disabled: blocked, onOpen: () => setAnswerOpen(true) }}
          />
        </div>
        <aside className="appeal-side" aria-label={t('console.side.label')}>
          <div className="side-tabs" role="tablist" aria-label={t('console.side.label')}>
            {SIDE_TABS.map((tab) => (
              <button
                key={tab}
                type="button"
                role="tab"
                id={`side-tab-${tab}`}
                aria-selected={tab === sideTab}
                aria-controls={`side-panel-${tab}`}
                tabIndex={tab === sideTab ? 0 : -1}
                onClick={() => showSide(tab)}
                onKeyDown={arrowTabs(SIDE_TABS, tab, showSide, 'side-tab-')}
              >
                {t(`console.side.tab.${tab}`)}
                {tab === 'place' && historyCount > 0 && <span className="tab-count">{historyCount}</span>}
              </button>
            ))}
          </div>
          <div id="side-panel-nlp" role="tabpanel" aria-labelledby="side-tab-nlp" className="side-panel" hidden={sideTab !== 'nlp'}>
            {/* Duplicates first: whether this is a matter already on file decides what to do with it. */}
            <MergedReporters appeal={appeal} onOpenAppeal={onOpenAppeal} />
            <DuplicatesPanel appeal={appeal} mergeRef={mergeRef} onOpenAppeal={onOpenAppeal} onMerged={(summary) => onChanged(summary, 'merged')} />
            <NlpPanel appeal={appeal} categoryRef={categoryRef} onSaved={(summary) => onChanged(summary, 'classified')} />
          </div>
          <div id="side-panel-place" role="tabpanel" aria-labelledby="side-tab-place" className="side-panel" hidden={sideTab !== 'place'}>
            {visited.has('place') && (
              <>
                <AppealMap appeal={appeal} />
                <ContactHistory appeal={appeal} onOpenAppeal={onOpenAppeal} />
              </>
            )}
          </div>
          <div id="side-panel-knowledge" role="tabpanel" aria-labelledby="side-tab-knowledge" className="side-panel" hidden={sideTab !== 'knowledge'}>
            {visited.has('knowledge') && <KnowledgePanel categoryCode={appeal.categoryCode} searchRef={searchRef} onInsert={insert} />}
          </div>
        </aside>
      </div>
      <AnswerDialog
        open={answerOpen}
        appealId={appeal.id}
        caseNumber={appeal.caseNumber}
        consultation={appeal.appealType === 'consultation'}
        draft={draft}
        onCancel={() => setAnswerOpen(false)}
        onAnswered={(summary) => {
          setAnswerOpen(false);
          setDraft('');
          onChanged(summary, 'answered');
        }}
        onConflict={onConflict}
      />
    </article>
  );
}

/** 由 X 处理中 / 我处理中: who holds a pending appeal (首问负责制). */
function HolderBadge({ appeal, user }: { appeal: ConsoleAppeal; user: SessionUser }) {
  const { t } = useTranslation();
  if (appeal.status !== 'pending' || !appeal.assignee) return null;
  const mine = appeal.assignee.id === user.id;
  return (
    <span className={mine ? 'badge badge-mine' : 'badge badge-held'} data-testid="holder">
      {mine ? t('console.claim.mine') : t('console.claim.heldBy', { name: appeal.assignee.displayName })}
    </span>
  );
}

/** 领取, 转派, 受理, 不予受理: each shares its action with a shortcut key. */
function ActionButtons({ appeal, user, decision, claim, blocked, onTransfer }: { appeal: ConsoleAppeal; user: SessionUser; decision: Decision; claim: Claim; blocked: boolean; onTransfer(): void }) {
  const { t } = useTranslation();
  const explain = appeal.status !== 'pending' ? 'decision-explanation' : undefined;
  const canTransfer = mayTransfer(appeal, user);
  return (
    <div className="decision-buttons">
      {appeal.status === 'pending' && !appeal.assignee && (
        <button type="button" className="button" aria-keyshortcuts="l" disabled={claim.busyId === appeal.id} data-testid="claim" onClick={() => void claim.claim(appeal)}>
          {claim.busyId === appeal.id ? t('console.claim.claiming') : t('console.claim.claim')}
          <kbd aria-hidden="true">L</kbd>
        </button>
      )}
      {canTransfer && (
        <button type="button" className="button" aria-keyshortcuts="t" onClick={onTransfer}>
          {t('console.transfer.open')}
          <kbd aria-hidden="true">T</kbd>
        </button>
      )}
      <button
        type="button"
        className="button button-primary"
        disabled={!decision.canDecide || blocked}
        aria-describedby={explain}
        aria-keyshortcuts="a"
        onClick={decision.openAccept}
      >
        {t('console.appeal.accept')}
        <kbd aria-hidden="true">A</kbd>
      </button>
      <button
        type="button"
        className="button button-danger-outline"
        disabled={!decision.canDecide || blocked}
        aria-describedby={explain}
        aria-keyshortcuts="x"
        onClick={decision.openReject}
      >
        {t('console.appeal.reject')}
        <kbd aria-hidden="true">X</kbd>
      </button>
    </div>
  );
}

/** A claim that lost the race: who has the appeal now. */
function ClaimNotice({ appeal, claim }: { appeal: ConsoleAppeal; claim: Claim }) {
  const { t } = useTranslation();
  const failure = claim.failure;
  if (!failure || failure.appealId !== appeal.id) return null;
  const holder = holderOf(failure.error);
  return (
    <div className="claim-notice" data-testid="claim-failed">
      <ErrorAlert
        error={failure.error}
        title={holder ? t('console.claim.conflict', { name: holder }) : isApiError(failure.error, 409) ? t('console.claim.conflictUnknown') : t('console.claim.failed')}
      />
    </div>
  );
}

function DecisionNotice({ appeal, decision }: { appeal: ConsoleAppeal; decision: Decision }) {
  const { t } = useTranslation();
  return (
    <>
      {/* A merged appeal's explanation is the merge notice, with its link to the case kept. */}
      {/* An accepted appeal's explanation is its event panel. */}
      {appeal.status !== 'pending' && !(appeal.status === 'merged' && appeal.duplicateOfId) && !appeal.event && (
        <p id="decision-explanation" className="decision-explanation">
          {t('console.appeal.decided', { status: t(`status.${appeal.status}`) })}
        </p>
      )}
      {!decision.rejectOpen && (
        <ErrorAlert error={decision.error} title={isApiError(decision.error, 409) ? t('console.appeal.conflict') : undefined} />
      )}
    </>
  );
}

function AppealFacts({ appeal }: { appeal: ConsoleAppeal }) {
  const { t, i18n } = useTranslation();
  const none = <span className="muted">{t('common.notAvailable')}</span>;
  return (
    <dl className="facts facts-grid">
      <div>
        <dt>{t('console.appeal.createdAt')}</dt>
        <dd>{formatDateTime(appeal.createdAt, i18n.language)}</dd>
      </div>
      <div>
        <dt>{t('console.appeal.grid')}</dt>
        <dd data-testid="grid-path">{appeal.gridPath.length ? appeal.gridPath.map((unit) => (i18n.language === 'en' ? unit.nameEn : unit.name)).join(' › ') : none}</dd>
      </div>
      <div>
        <dt>{t('console.appeal.address')}</dt>
        <dd>{appeal.address ?? none}</dd>
      </div>
      <div>
        <dt>{t('console.appeal.contact')}</dt>
        <dd>{appeal.contact.name ?? <span className="muted">{t('console.appeal.anonymous')}</span>}</dd>
      </div>
      <div>
        <dt>{t('console.appeal.identities')}</dt>
        <dd>
          {appeal.contact.identities.length
            ? appeal.contact.identities.map((identity) => (
                <span key={`${identity.kind}:${identity.value}`} className="identity">
                  {t(`console.appeal.identity.${identity.kind}`)}
                  {/* A web session id is a hash: meaningless to read, so only the phone and openid are shown. */}
                  {identity.kind !== 'web_session' && <span className="mono"> {identity.value}</span>}
                </span>
              ))
            : none}
        </dd>
      </div>
      <div>
        <dt>{t('console.appeal.assignee')}</dt>
        <dd>{appeal.assignee?.displayName ?? <span className="muted">{t('console.queue.unassigned')}</span>}</dd>
      </div>
      {appeal.rejectReason && (
        <div className="fact-wide">
          <dt>{t('console.appeal.reason')}</dt>
          <dd data-testid="appeal-reject-reason">{appeal.rejectReason}</dd>
        </div>
      )}
    </dl>
  );
}
