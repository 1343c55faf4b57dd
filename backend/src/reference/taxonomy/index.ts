export { type Category, categories, categoryDepartments } from './schema.ts';
