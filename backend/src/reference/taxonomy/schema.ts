import { integer, pgEnum, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { departments } from '../departments/index.ts';

/** The four platforms (综治工作, 市场监管, 综合执法, 便民服务) group the matter categories. */
export const platformEnum = pgEnum('platform', ['governance', 'market', 'enforcement', 'services']);

/** GB/T 30428.2: 事件 (events) versus 部件 (city components). */
export const categoryKindEnum = pgEnum('category_kind', ['event', 'component']);

/** 事项分类: the deployment's matter categories. */
export const categories = pgTable('categories', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  kind: categoryKindEnum('kind').notNull(),
  platform: platformEnum('platform').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** Which department leads a category (and which co-handle it). */
export const categoryDepartments = pgTable(
  'category_departments',
  {
    categoryCode: text('category_code')
      .notNull()
      .references(() => categories.code),
    departmentCode: text('department_code')
      .notNull()
      .references(() => departments.code),
    role: text('role', { enum: ['lead', 'co'] })
      .notNull()
      .default('lead'),
  },
  (t) => [primaryKey({ columns: [t.categoryCode, t.departmentCode] })],
);

export type Category = typeof categories.$inferSelect;
