import { type CategoryView, PLATFORMS, type Platform } from '../api.ts';

/** The picker's <optgroup>s: platforms in their fixed order, categories in the server's order within each. */
export function groupByPlatform(categories: readonly CategoryView[]): { platform: Platform; categories: CategoryView[] }[] {
  return PLATFORMS.map((platform) => ({ platform, categories: categories.filter((c) => c.platform === platform) })).filter(
    (group) => group.categories.length > 0,
  );
}

/** A category code in the reader's language; an unknown code (a newer model's label) is shown as is. */
export function categoryName(code: string, byCode: ReadonlyMap<string, CategoryView>, language: string): string {
  const category = byCode.get(code);
  if (!category) return code;
  return language === 'en' ? category.nameEn : category.name;
}
