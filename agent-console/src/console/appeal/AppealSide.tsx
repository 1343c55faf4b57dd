import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppealSummary } from '@hotline/backend/api-types';
import { arrowTabs } from '../common/tabs.ts';
import type { ConsoleAppeal } from '../contract.ts';
import { DuplicatesPanel } from '../duplicates/DuplicatesPanel.tsx';
import { MergedReporters } from '../duplicates/MergeOutcome.tsx';
import { NlpPanel } from '../nlp/NlpPanel.tsx';
import { KnowledgePanel } from '../reply/KnowledgePanel.tsx';
import type { AppealChange } from './AppealView.tsx';
import { AppealMap, ContactHistory } from './PlacePanel.tsx';
import type { AppealWorkspace } from './useAppealWorkspace.ts';

export type SideTab = 'nlp' | 'place' | 'knowledge';
const SIDE_TABS: SideTab[] = ['nlp', 'place', 'knowledge'];

interface AppealSideProps {
  appeal: ConsoleAppeal;
  workspace: AppealWorkspace;
  onOpenAppeal(id: string): void;
  onChanged(summary: AppealSummary, kind: AppealChange): void;
}

/** Beside the thread, in tabs: what NLP made of the appeal, where it is and who else the citizen is, and the knowledge base. */
export function AppealSide({ appeal, workspace, onOpenAppeal, onChanged }: AppealSideProps) {
  const { t } = useTranslation();
  const { sideTab, visited, showSide, refs } = workspace;
  const historyCount = appeal.contactHistory?.filter((item) => item.id !== appeal.id).length ?? 0;
  return (
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
      <SidePanel tab="nlp" shown={sideTab}>
        {/* Duplicates first: whether this is a matter already on file decides what to do with it. */}
        <MergedReporters appeal={appeal} onOpenAppeal={onOpenAppeal} />
        <DuplicatesPanel appeal={appeal} mergeRef={refs.merge} onOpenAppeal={onOpenAppeal} onMerged={(summary) => onChanged(summary, 'merged')} />
        <NlpPanel appeal={appeal} categoryRef={refs.category} onSaved={(summary) => onChanged(summary, 'classified')} />
      </SidePanel>
      <SidePanel tab="place" shown={sideTab}>
        {visited.has('place') && (
          <>
            <AppealMap appeal={appeal} />
            <ContactHistory appeal={appeal} onOpenAppeal={onOpenAppeal} />
          </>
        )}
      </SidePanel>
      <SidePanel tab="knowledge" shown={sideTab}>
        {visited.has('knowledge') && <KnowledgePanel categoryCode={appeal.categoryCode} searchRef={refs.search} onInsert={workspace.insert} />}
      </SidePanel>
    </aside>
  );
}

// Panels stay mounted while hidden, so a half-done correction or search survives a look at another tab.
function SidePanel({ tab, shown, children }: { tab: SideTab; shown: SideTab; children: ReactNode }) {
  return (
    <div id={`side-panel-${tab}`} role="tabpanel" aria-labelledby={`side-tab-${tab}`} className="side-panel" hidden={shown !== tab}>
      {children}
    </div>
  );
}
