export { type Department, departments } from './schema.ts';
