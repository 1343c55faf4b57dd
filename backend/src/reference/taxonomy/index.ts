export { addCategories } from './save.ts';
export { categories, type Category, categoryDepartments } from './schema.ts';
