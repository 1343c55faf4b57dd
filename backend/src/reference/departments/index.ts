export { type DepartmentFields, createDepartment, updateDepartment } from './admin.ts';
export { addDepartments } from './save.ts';
export { type Department, departments } from './schema.ts';
