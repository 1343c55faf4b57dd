export { categories, type Category, categoryDepartments } from './schema.ts';
