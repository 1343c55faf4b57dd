import { pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const departmentKindEnum = pgEnum('department_kind', ['department', 'sub_center']);

/** 职能部门 and 镇街联动分中心: the units events are dispatched to. */
export const departments = pgTable('departments', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  kind: departmentKindEnum('kind').notNull().default('department'),
  /** For a street sub-center: the street it serves. */
  streetCode: text('street_code'),
  /** 撤销: no new events go to it; events and statistics of the past keep its name. */
  retiredAt: timestamp('retired_at', { withTimezone: true }),
});

export type Department = typeof departments.$inferSelect;
