import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventDetail, EventReporter, StaffAction } from '../contract.ts';
import { STEP_FIELDS, actionButtons, mayCallBack, stepInput } from './event-helpers.ts';
import type { StepRequest } from './StepDialog.tsx';
import { useEventStep } from './useEventStep.ts';

/**
 * The steps this user may take on the open event, started the same way from a button or a key:
 * a one-click step runs at once, any other opens its dialog (回访 for a reporter not yet rated).
 */
export function useEventSteps(event: EventDetail, onDone: (detail: EventDetail, action: StaffAction) => void, onConflict: () => void) {
  const { t } = useTranslation();
  const [request, setRequest] = useState<StepRequest | null>(null);
  // The last step's confirmation, for the event as that step left it: news from elsewhere replaces it.
  const [done, setDone] = useState<{ text: string; updatedAt: string } | null>(null);
  const step = useEventStep({
    onDone: useCallback(
      (detail: EventDetail, action: StaffAction) => {
        setRequest(null);
        setDone({ text: t('events.view.done', { caseNumber: detail.caseNumber, step: t(`events.step.${action}`) }), updatedAt: detail.updatedAt });
        onDone(detail, action);
      },
      [onDone, t],
    ),
    onConflict,
  });
  const buttons = actionButtons(event);
  const callbackOpen = mayCallBack(event);

  function start(action: StaffAction, reporter?: EventReporter) {
    if (step.busy) return;
    setDone(null);
    if (action === 'callback') {
      const target = reporter ?? event.reporters.find((r) => r.satisfaction === null) ?? event.reporters[0];
      if (callbackOpen && target) setRequest({ action, reporter: target });
      return;
    }
    if (!buttons.includes(action)) return;
    if (STEP_FIELDS[action].immediate) void step.run(event.id, stepInput(action, { note: '' }));
    else {
      step.dismiss();
      setRequest({ action });
    }
  }

  function cancel() {
    setRequest(null);
    step.dismiss();
  }

  return { step, request, done: done?.updatedAt === event.updatedAt ? done.text : null, buttons, callbackOpen, start, cancel };
}
