import type { Category } from '../reference/taxonomy/index.ts';
import type { Department } from '../reference/departments/index.ts';

/** Departments and street sub-centers of the demo district. Handler accounts are named `dept-<code>`. */
export const demoDepartments: Omit<Department, 'retiredAt'>[] = [
  { code: 'urban', name: '城市管理局', nameEn: 'Urban Management Bureau', kind: 'department', streetCode: null },
  { code: 'enforcement', name: '综合行政执法局', nameEn: 'Comprehensive Law Enforcement Bureau', kind: 'department', streetCode: null },
  { code: 'transport', name: '交通运输局', nameEn: 'Transport Bureau', kind: 'department', streetCode: null },
  { code: 'housing', name: '住房和城乡建设局', nameEn: 'Housing and Construction Bureau', kind: 'department', streetCode: null },
  { code: 'market', name: '市场监督管理局', nameEn: 'Market Supervision Bureau', kind: 'department', streetCode: null },
  { code: 'environment', name: '生态环境分局', nameEn: 'Ecology and Environment Branch', kind: 'department', streetCode: null },
  { code: 'greening', name: '园林绿化管理所', nameEn: 'Parks and Greening Office', kind: 'department', streetCode: null },
  { code: 'police', name: '公安分局', nameEn: 'Public Security Branch', kind: 'department', streetCode: null },
  { code: 'civil', name: '民政局', nameEn: 'Civil Affairs Bureau', kind: 'department', streetCode: null },
  { code: 'water', name: '水务局', nameEn: 'Water Affairs Bureau', kind: 'department', streetCode: null },
  { code: 'sc-donghu', name: '东湖街道联动分中心', nameEn: 'Donghu Street Linkage Sub-center', kind: 'sub_center', streetCode: 'QH-01' },
  { code: 'sc-xishan', name: '西山街道联动分中心', nameEn: 'Xishan Street Linkage Sub-center', kind: 'sub_center', streetCode: 'QH-02' },
  { code: 'sc-nanqiao', name: '南桥镇联动分中心', nameEn: 'Nanqiao Town Linkage Sub-center', kind: 'sub_center', streetCode: 'QH-03' },
];

type SeedCategory = Omit<Category, 'sortOrder'> & { lead: string; co?: string[] };

/**
 * The default taxonomy: GB/T 30428.2 event and component classes, and the matters of the
 * four platforms (综治工作, 市场监管, 综合执法, 便民服务), each with its lead department.
 */
export const demoCategories: SeedCategory[] = [
  { code: 'city-appearance', name: '市容环境', nameEn: 'City appearance and environment', kind: 'event', platform: 'enforcement', lead: 'urban' },
  { code: 'advertising', name: '宣传广告', nameEn: 'Advertising and signage', kind: 'event', platform: 'enforcement', lead: 'enforcement' },
  { code: 'construction', name: '施工管理', nameEn: 'Construction management', kind: 'event', platform: 'enforcement', lead: 'housing', co: ['enforcement'] },
  { code: 'street-order', name: '街面秩序', nameEn: 'Street order', kind: 'event', platform: 'enforcement', lead: 'enforcement' },
  { code: 'emergency', name: '突发事件', nameEn: 'Sudden incident', kind: 'event', platform: 'governance', lead: 'police', co: ['civil'] },
  { code: 'public-utilities', name: '公用设施', nameEn: 'Public utilities', kind: 'component', platform: 'services', lead: 'water' },
  { code: 'traffic-facilities', name: '交通设施', nameEn: 'Traffic facilities', kind: 'component', platform: 'services', lead: 'transport' },
  { code: 'sanitation-facilities', name: '市容环境设施', nameEn: 'Sanitation facilities', kind: 'component', platform: 'services', lead: 'urban' },
  { code: 'greening-facilities', name: '园林绿化设施', nameEn: 'Parks and greening facilities', kind: 'component', platform: 'services', lead: 'greening' },
  { code: 'dispute-mediation', name: '矛盾纠纷', nameEn: 'Disputes and mediation', kind: 'event', platform: 'governance', lead: 'civil' },
  { code: 'public-security', name: '治安隐患', nameEn: 'Public security hazards', kind: 'event', platform: 'governance', lead: 'police' },
  { code: 'food-drug-safety', name: '食品药品安全', nameEn: 'Food and drug safety', kind: 'event', platform: 'market', lead: 'market' },
  { code: 'consumer-rights', name: '消费维权', nameEn: 'Consumer rights', kind: 'event', platform: 'market', lead: 'market' },
  {
    code: 'illegal-construction',
    name: '违法建设',
    nameEn: 'Illegal construction',
    kind: 'event',
    platform: 'enforcement',
    lead: 'enforcement',
    co: ['housing'],
  },
  { code: 'pollution', name: '环境污染', nameEn: 'Pollution and noise', kind: 'event', platform: 'enforcement', lead: 'environment' },
  { code: 'social-security', name: '社会保障', nameEn: 'Social security', kind: 'event', platform: 'services', lead: 'civil' },
  { code: 'utility-services', name: '水电气暖', nameEn: 'Water, power, gas and heating', kind: 'event', platform: 'services', lead: 'water' },
  { code: 'policy-consultation', name: '政策咨询', nameEn: 'Policy consultation', kind: 'event', platform: 'services', lead: 'civil' },
];

export const demoStaff = [
  { username: 'admin', displayName: '系统管理员', role: 'admin' },
  { username: 'supervisor', displayName: '值班长 王敏', role: 'supervisor' },
  { username: 'agent1', displayName: '坐席 李娜', role: 'agent' },
  { username: 'agent2', displayName: '坐席 张伟', role: 'agent' },
  { username: 'agent3', displayName: '坐席 陈静', role: 'agent' },
] as const;
