import { pgEnum, pgTable, text } from 'drizzle-orm/pg-core';

export const departmentKindEnum = pgEnum('department_kind', ['department', 'sub_center']);

/** 职能部门 and 镇街联动分中心: the units events are dispatched to. */
export const departments = pgTable('departments', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  kind: departmentKindEnum('kind').notNull().default('department'),
  /** For a street sub-center: the street it serves. */
  streetCode: text('street_code'),
});

export type Department = typeof departments.$inferSelect;
