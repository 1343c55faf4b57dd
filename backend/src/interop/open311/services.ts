import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../identity/auth/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';
import { type Category, categories } from '../../reference/taxonomy/index.ts';
import { Open311Error } from './errors.ts';
import type { Open311Record } from './format.ts';
import type { Open311Service } from './views.ts';

/** The four platforms by the names citizens and clerks use. */
const PLATFORM_NAMES: Record<Category['platform'], string> = { governance: '综治工作', market: '市场监管', enforcement: '综合执法', services: '便民服务' };
const KIND_NAMES: Record<Category['kind'], string> = { event: '事件', component: '部件' };

/**
 * A matter category (事项分类) as a GeoReport service: the code is the category code, the name the
 * Chinese one; the English name and the platform are the keywords. No category asks for extra
 * attributes, and every request gets its case number at once (`realtime`).
 */
function toService(category: Category): Open311Service {
  const platform = PLATFORM_NAMES[category.platform];
  return {
    service_code: category.code,
    service_name: category.name,
    description: `${category.name}（${KIND_NAMES[category.kind]}类，${platform}）· ${category.nameEn}`,
    metadata: false,
    type: 'realtime',
    keywords: [category.nameEn, category.platform, platform].join(', '),
    group: platform,
  };
}

/** `GET services`: every category, in the configured order. */
export async function listServices({ ctx }: { ctx: Ctx }): Promise<Open311Service[]> {
  const rows = await ctx.db.select().from(categories).orderBy(asc(categories.sortOrder));
  return rows.map(toService);
}

/** The category behind a service code; an unknown code is the spec's 404. */
export async function findService(db: DbOrTx, serviceCode: string): Promise<Category> {
  const [category] = await db.select().from(categories).where(eq(categories.code, serviceCode));
  if (!category) throw new Open311Error(404, `service_code ${serviceCode} was not found`);
  return category;
}

/** `GET services/{code}`: our services take no extra attributes, so the definition lists none. */
export async function serviceDefinition({ ctx, input }: { ctx: Ctx; input: { serviceCode: string } }): Promise<Open311Record> {
  const category = await findService(ctx.db, input.serviceCode);
  return { service_code: category.code, attributes: [] };
}
