import { describe, expect, it } from 'vitest';
import type { CategoryView } from '../api.ts';
import { categoryName, groupByPlatform } from './category-format.ts';

const category = (code: string, platform: CategoryView['platform'], name = code): CategoryView => ({
  code,
  name,
  nameEn: `${code} (en)`,
  kind: 'event',
  platform,
});

describe('categories', () => {
  const list = [
    category('city-appearance', 'enforcement', '市容环境'),
    category('public-utilities', 'services', '公用设施'),
    category('emergency', 'governance', '突发事件'),
    category('advertising', 'enforcement', '宣传广告'),
  ];

  it('are grouped by platform in the fixed order, keeping the server order within a platform, without empty groups', () => {
    const groups = groupByPlatform(list);
    expect(groups.map((g) => g.platform)).toEqual(['governance', 'enforcement', 'services']);
    expect(groups[1]!.categories.map((c) => c.code)).toEqual(['city-appearance', 'advertising']);
  });

  it('are named in the reader’s language, an unknown code as is', () => {
    const byCode = new Map(list.map((c) => [c.code, c]));
    expect(categoryName('public-utilities', byCode, 'zh-CN')).toBe('公用设施');
    expect(categoryName('public-utilities', byCode, 'en')).toBe('public-utilities (en)');
    expect(categoryName('from-a-newer-model', byCode, 'zh-CN')).toBe('from-a-newer-model');
  });
});
