export type { Job } from './job.ts';
export { startJobs } from './run-jobs.ts';
