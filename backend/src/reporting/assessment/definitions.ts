/**
 * What each 考核 figure means, in the words the UI shows beside the numbers and the CSV uses as its
 * header: one table, so the screen, the export and the computation cannot drift apart.
 */

/** The figures of one department's month, in the order the table and the CSV show them. */
export const assessmentMetrics = [
  'new',
  'signed',
  'signRate',
  'signedOnTime',
  'returns',
  'transferRate',
  'handled',
  'handlingRate',
  'closed',
  'closureRate',
  'closedOnTime',
  'onTimeRate',
  'rated',
  'satisfactionRate',
  'extensions',
  'overdue',
  'urges',
  'score',
] as const;
export type AssessmentMetric = (typeof assessmentMetrics)[number];

export const RATE_METRICS = ['signRate', 'transferRate', 'handlingRate', 'closureRate', 'onTimeRate', 'satisfactionRate'] as const;
export type RateMetric = (typeof RATE_METRICS)[number];

export interface Localized {
  'zh-CN': string;
  en: string;
}

export interface MetricDefinition {
  metric: AssessmentMetric;
  name: Localized;
  definition: Localized;
}

/**
 * The score (综合得分, 0–100): a weighted mean of the rates below. A rate with no denominator this
 * month (no closures, no ratings) is left out and the other weights scale up, so a department is
 * neither rewarded nor punished for what did not happen. The transfer rate is not scored: most
 * returns are the center's routing errors, not the department's work.
 */
export const SCORE_WEIGHTS = {
  signRate: 0.15,
  handlingRate: 0.15,
  closureRate: 0.2,
  onTimeRate: 0.2,
  satisfactionRate: 0.3,
} as const satisfies Partial<Record<RateMetric, number>>;

const ASSIGNMENT_ZH =
  '派件指本月派遣、重新派遣或重新办理给该单位的每一次（以派遣时间按本地时区划分月份），此后该单位在这次派件中的签收、反馈、退回、结案等都计入本月，直到事件再次派遣。';
const ASSIGNMENT_EN =
  'An assignment is each dispatch, re-dispatch or reopening to the unit in the month (months on the hotline’s local clock); what the unit then does with it — sign-for, report, return, closure — counts for that month until the event is dispatched again.';

export const METRIC_DEFINITIONS: MetricDefinition[] = [
  {
    metric: 'new',
    name: { 'zh-CN': '新派件', en: 'New assignments' },
    definition: { 'zh-CN': `本月派给该单位的派件数。${ASSIGNMENT_ZH}`, en: `Assignments to the unit in the month. ${ASSIGNMENT_EN}` },
  },
  {
    metric: 'signed',
    name: { 'zh-CN': '签收数', en: 'Signed for' },
    definition: { 'zh-CN': '该单位已签收的派件数。', en: 'Assignments the unit signed for.' },
  },
  { metric: 'signRate', name: { 'zh-CN': '签收率', en: 'Sign-for rate' }, definition: { 'zh-CN': '签收数 ÷ 新派件。', en: 'Signed for ÷ new assignments.' } },
  {
    metric: 'signedOnTime',
    name: { 'zh-CN': '按时签收', en: 'Signed on time' },
    definition: {
      'zh-CN': '签收前未被系统发出签收超时预警的签收数（即在签收时限内签收）。',
      en: 'Sign-fors made before the system raised a sign-for overdue warning, i.e. within the sign-for limit.',
    },
  },
  {
    metric: 'returns',
    name: { 'zh-CN': '退回数', en: 'Returned' },
    definition: { 'zh-CN': '该单位以“非本单位职责”等理由退回的派件数。', en: 'Assignments the unit returned to the center (e.g. not its responsibility).' },
  },
  {
    metric: 'transferRate',
    name: { 'zh-CN': '流转率', en: 'Transfer rate' },
    definition: { 'zh-CN': '退回数 ÷ 新派件；不计入综合得分。', en: 'Returned ÷ new assignments; not part of the score.' },
  },
  {
    metric: 'handled',
    name: { 'zh-CN': '办理数', en: 'Handled' },
    definition: { 'zh-CN': '该单位已处置反馈（上报办理结果）的派件数。', en: 'Assignments the unit reported a result for.' },
  },
  { metric: 'handlingRate', name: { 'zh-CN': '办理率', en: 'Handling rate' }, definition: { 'zh-CN': '办理数 ÷ 新派件。', en: 'Handled ÷ new assignments.' } },
  {
    metric: 'closed',
    name: { 'zh-CN': '办结数', en: 'Closed' },
    definition: {
      'zh-CN': '该单位作为主办单位期间经中心核查通过而结案的派件数。',
      en: 'Assignments closed (verified by the center) while the unit was the lead.',
    },
  },
  { metric: 'closureRate', name: { 'zh-CN': '办结率', en: 'Closure rate' }, definition: { 'zh-CN': '办结数 ÷ 新派件。', en: 'Closed ÷ new assignments.' } },
  {
    metric: 'closedOnTime',
    name: { 'zh-CN': '按时办结', en: 'Closed on time' },
    definition: {
      'zh-CN': '办结且派件期间未出现超期（红色）预警的数量，即在办结时限（含批准的延期）内反馈。',
      en: 'Closed assignments that never got an overdue (red) warning, i.e. reported within the time limit (approved extensions included).',
    },
  },
  {
    metric: 'onTimeRate',
    name: { 'zh-CN': '按时办结率', en: 'On-time closure rate' },
    definition: { 'zh-CN': '按时办结 ÷ 办结数。', en: 'Closed on time ÷ closed.' },
  },
  {
    metric: 'rated',
    name: { 'zh-CN': '回访评价数', en: 'Ratings' },
    definition: {
      'zh-CN': '已办结事件的反映人（含合并的重复诉求）中给出满意度评价的人数。',
      en: 'Reporters of the closed events (merged duplicates included) who gave a satisfaction rating.',
    },
  },
  {
    metric: 'satisfactionRate',
    name: { 'zh-CN': '满意率', en: 'Satisfaction rate' },
    definition: { 'zh-CN': '评价为 4–5 分（满意、非常满意）的人数 ÷ 回访评价数。', en: 'Ratings of 4–5 (satisfied, very satisfied) ÷ ratings.' },
  },
  {
    metric: 'extensions',
    name: { 'zh-CN': '延期申请', en: 'Extension requests' },
    definition: { 'zh-CN': '该单位提出的延期申请次数（无论是否批准）。', en: 'Extension requests the unit made, approved or not.' },
  },
  {
    metric: 'overdue',
    name: { 'zh-CN': '超期件数', en: 'Overdue' },
    definition: { 'zh-CN': '出现超期（红色）预警的派件数。', en: 'Assignments that got an overdue (red) warning.' },
  },
  {
    metric: 'urges',
    name: { 'zh-CN': '催办次数', en: 'Urges' },
    definition: { 'zh-CN': '中心对该单位派件的催办次数。', en: 'Times the center urged (催办) the unit on its assignments.' },
  },
  {
    metric: 'score',
    name: { 'zh-CN': '综合得分', en: 'Score' },
    definition: {
      'zh-CN':
        '100 × 加权平均：签收率 15%、办理率 15%、办结率 20%、按时办结率 20%、满意率 30%；本月无分母的比率不计，其余权重按比例放大。无派件的单位不评分、不排名。排名按得分从高到低，同分同名次。',
      en: '100 × weighted mean: sign-for rate 15%, handling rate 15%, closure rate 20%, on-time closure rate 20%, satisfaction rate 30%; a rate without a denominator this month is left out and the other weights scale up. Units with no assignments get no score or rank. Ranked by score, highest first; equal scores share a rank.',
    },
  },
];

/** A share, or null when nothing was there to count (0 of 0 is not 0%). */
export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** The score on 0–100 to one decimal, or null when none of the scored rates has a denominator. */
export function scoreOf(rates: Record<RateMetric, number | null>): number | null {
  let weighted = 0;
  let weights = 0;
  for (const [metric, weight] of Object.entries(SCORE_WEIGHTS) as [keyof typeof SCORE_WEIGHTS, number][]) {
    const value = rates[metric];
    if (value === null) continue;
    weighted += value * weight;
    weights += weight;
  }
  return weights === 0 ? null : Math.round((1000 * weighted) / weights) / 10;
}

/** Competition ranking (1, 2, 2, 4) by score, highest first; no score, no rank. */
export function ranksOf(scores: (number | null)[]): (number | null)[] {
  return scores.map((score) => (score === null ? null : 1 + scores.filter((other) => other !== null && other > score).length));
}
