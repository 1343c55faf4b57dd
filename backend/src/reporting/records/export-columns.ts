import type { RecordRow } from './views.ts';

/** The words of the export: Chinese, as the hotline's staff read them (the API keeps the codes). */
const LABELS = {
  channel: { voice: '电话', sms: '短信', wechat: '微信', web: '网页' },
  status: { pending: '待受理', accepted: '已受理', rejected: '不予受理', merged: '已合并', answered: '已直接答复' },
  type: { consultation: '咨询', help: '求助', complaint: '投诉', report: '举报', suggestion: '建议', praise: '表扬' },
  urgency: { normal: '一般', urgent: '紧急', emergency: '特急' },
  eventStatus: { dispatched: '待签收', handling: '处置中', reported: '待核查', returned: '已退回', closed: '已结案', cancelled: '已撤销' },
  warning: { sign: '签收超时', yellow: '黄牌', red: '红牌' },
} as const;

/** Names looked up once per export: categories, departments and grids by code. */
export interface ExportNames {
  category: Map<string, string>;
  department: Map<string, string>;
  place: Map<string, string>;
  /** An instant as the hotline's wall clock, `2026-12-04 09:30`. */
  time(iso: string | null): string;
}

type Cell = string | number;

/** Column header → the cell of a row. */
export const EXPORT_COLUMNS: [string, (row: RecordRow, names: ExportNames) => Cell][] = [
  ['案件流水号', (r) => r.caseNumber],
  ['受理时间', (r, n) => n.time(r.receivedAt)],
  ['来源渠道', (r) => LABELS.channel[r.channel]],
  ['诉求状态', (r) => LABELS.status[r.status]],
  ['诉求类型', (r) => (r.appealType ? LABELS.type[r.appealType] : '')],
  ['事项分类', (r, n) => (r.categoryCode ? (n.category.get(r.categoryCode) ?? r.categoryCode) : '')],
  ['紧急程度', (r) => LABELS.urgency[r.urgency]],
  ['诉求内容', (r) => r.summary],
  ['地址', (r) => r.address ?? ''],
  ['网格', (r, n) => (r.gridCode ? (n.place.get(r.gridCode) ?? r.gridCode) : '')],
  ['受理（决定）时间', (r, n) => n.time(r.decidedAt)],
  ['承办部门', (r, n) => (r.event ? (n.department.get(r.event.leadDepartmentCode) ?? r.event.leadDepartmentCode) : '')],
  ['事件状态', (r) => (r.event ? LABELS.eventStatus[r.event.status] : '')],
  ['办结时限', (r, n) => n.time(r.event?.timeLimitAt ?? null)],
  ['结案时间', (r, n) => n.time(r.event?.closedAt ?? null)],
  ['超期预警', (r) => (r.event?.warnings ?? []).map((w) => LABELS.warning[w]).join('、')],
  ['反映人数', (r) => r.reporterCount],
  ['满意度', (r) => r.satisfaction ?? ''],
  ['坐席', (r) => r.assignee?.displayName ?? ''],
  ['市民', (r) => r.contact?.name ?? ''],
  ['联系方式', (r) => (r.contact ? [...r.contact.phones, ...r.contact.openids].join(' ') : '')],
];

export const exportHeader = () => EXPORT_COLUMNS.map(([header]) => header);
export const exportCells = (row: RecordRow, names: ExportNames) => EXPORT_COLUMNS.map(([, cell]) => cell(row, names));
