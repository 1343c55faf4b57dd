import { staffApi } from '../api.ts';
import { useApiResource } from '../common/useApiResource.ts';

/** The 考核 report of `month`, or of this month on the hotline's clock when null. */
export function useAssessment(month: string | null) {
  const { value, loading, error, refetch } = useApiResource(month ?? 'current', (signal) => staffApi.assessment(month, signal));
  return { report: value, loading, error, refetch };
}
