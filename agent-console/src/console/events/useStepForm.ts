import { useState } from 'react';
import { fromZoneInput } from '../../shared/hotline-zone.ts';
import type { EventDetail, StepInput } from '../contract.ts';
import { type PhotoProblem, STEP_FIELDS, photoProblems, reportForm, stepInput } from './event-helpers.ts';
import type { StepRequest } from './StepDialog.tsx';

export type StepProblem = 'note' | 'timeLimit' | 'timeLimitEarly' | 'lead' | 'rating' | PhotoProblem;

/** What a step's dialog collects (only what its row in STEP_FIELDS asks), what is wrong with it, and the body it sends. */
export function useStepForm({ action, reporter }: StepRequest, event: EventDetail) {
  const fields = STEP_FIELDS[action];
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const [timeLimit, setTimeLimit] = useState('');
  const [lead, setLead] = useState('');
  const [co, setCo] = useState<string[]>([]);
  const [rating, setRating] = useState<number | null>(null);
  const [shown, setShown] = useState<StepProblem[]>([]);

  function problems(): StepProblem[] {
    const found: StepProblem[] = [];
    if (fields.note === 'required' && !note.trim()) found.push('note');
    if (fields.photos) found.push(...photoProblems(photos));
    if (fields.timeLimit) {
      const at = fromZoneInput(timeLimit);
      if (!at) found.push('timeLimit');
      else if (Date.parse(at) <= Date.parse(event.timeLimitAt)) found.push('timeLimitEarly');
    }
    if (fields.departments && !lead) found.push('lead');
    if (fields.rating && rating === null) found.push('rating');
    return found;
  }

  /** The body to send; null, with the problems shown, while something must be fixed first. */
  function body(): StepInput | FormData | null {
    const found = problems();
    setShown(found);
    if (found.length) return null;
    if (action === 'report' && photos.length > 0) return reportForm(note, photos);
    return stepInput(action, {
      note,
      timeLimitAt: fromZoneInput(timeLimit) ?? undefined,
      leadDepartmentCode: lead,
      coDepartmentCodes: co.filter((code) => code !== lead),
      appealId: reporter?.appealId,
      satisfaction: rating ?? undefined,
    });
  }

  const problem = (p: StepProblem) => shown.includes(p);
  return { fields, note, setNote, photos, setPhotos, timeLimit, setTimeLimit, lead, setLead, co, setCo, rating, setRating, problem, body };
}
