export { addDepartments } from './save.ts';
export { type Department, departments } from './schema.ts';
