import { normalize } from './text.ts';

/**
 * Urgency grading by rules, not by the classifier: an emergency must never depend on a model
 * version, and agents need to see why a case jumped the queue. Each rule names a hazard; a
 * match is discounted when negated in the same clause (没有着火, 并未受伤, 无人被困), when it
 * speaks of a risk rather than an event (担心着火, 火灾隐患 → urgent), or when the context makes
 * it harmless (烧烤冒烟).
 */
export type Urgency = 'normal' | 'urgent' | 'emergency';

export interface UrgencyEvidence {
  rule: string;
  /** The words that matched, as written (after normalisation). */
  match: string;
  level: Urgency;
  /** Offset in the normalised text. */
  index: number;
}

export interface UrgencyResult {
  level: Urgency;
  evidence: UrgencyEvidence[];
  /** Matches that were discounted, with the reason: shown to agents as "not counted". */
  discounted: (UrgencyEvidence & { reason: 'negated' | 'risk' | 'context' | 'resolved' })[];
}

interface Rule {
  name: string;
  level: Urgency;
  pattern: RegExp;
  /** Same-clause words that make this match harmless. */
  harmlessContext?: RegExp;
}

const EMERGENCY: Rule[] = [
  {
    name: 'fire',
    level: 'emergency',
    pattern: /火灾|起火|着火|失火|着起来了|烧起来了|火势|明火|浓烟|冒烟|火苗/g,
    harmlessContext: /烧烤|油烟|烟囱|抽烟|吸烟|炒菜|做饭|烧秸秆|焚烧|烧垃圾|香烟|电子烟/,
  },
  {
    name: 'gas',
    level: 'emergency',
    pattern:
      /(?:煤气|燃气|天然气|液化气)(?:管道?)?(?:泄漏|泄露|漏气|外泄)|(?:煤气|燃气|天然气)味(?:道)?(?:很|特别|非常|好)?(?:重|大|浓)|闻到[^，。！？；,.!?;]{0,4}(?:煤气|燃气|天然气)味|漏气/g,
  },
  { name: 'explosion', level: 'emergency', pattern: /爆炸|炸了/g },
  {
    name: 'injury',
    level: 'emergency',
    pattern: /受伤|受了伤|流血|出血|昏迷|晕倒|晕过去|不省人事|休克|倒地不起|呼吸困难|没有呼吸|心脏骤停|骨折|砸伤|撞伤|烧伤|烫伤|抽搐/g,
  },
  { name: 'trapped', level: 'emergency', pattern: /被困|困在|困住|关在电梯|电梯里出不来|出不来了/g },
  { name: 'missing', level: 'emergency', pattern: /走失|失踪|走丢|找不到(?:人|孩子|老人|小孩)|孩子丢了|老人丢了|联系不上(?:老人|孩子)/g },
  { name: 'violence', level: 'emergency', pattern: /打人|殴打|斗殴|打架|持刀|拿刀|砍人|行凶|家暴|家庭暴力|抢劫|抢夺|绑架|动手打/g },
  { name: 'flood', level: 'emergency', pattern: /淹水|被淹|水淹|倒灌|内涝|进水了|水漫|积水(?:很深|齐腰|没过|淹)/g },
  { name: 'collapse', level: 'emergency', pattern: /坍塌|倒塌|塌陷|塌方|塌了|垮塌|垮了|砸到人|砸了/g },
  { name: 'drowning', level: 'emergency', pattern: /溺水|落水|掉进河|掉到河|掉水里/g },
  { name: 'self-harm', level: 'emergency', pattern: /跳楼|轻生|自杀|割腕|想不开/g },
  { name: 'electrocution', level: 'emergency', pattern: /触电|电线(?:掉|落)(?:下来|在地)|漏电伤人|带电的电线/g },
  { name: 'traffic-accident', level: 'emergency', pattern: /车祸|撞车|被车撞|翻车|连环追尾/g },
];

const URGENT: Rule[] = [
  { name: 'hazard', level: 'urgent', pattern: /安全隐患|很危险|非常危险|太危险|有危险|随时(?:可能|会)|摇摇欲坠|快要?掉下来|快要?倒了|倾斜/g },
  { name: 'open-manhole', level: 'urgent', pattern: /井盖(?:缺失|丢了|没了|被偷|破损|塌)|没有井盖|没(?:了)?井盖/g },
  { name: 'wires', level: 'urgent', pattern: /电线(?:垂落|下垂|耷拉|裸露|老化|冒火花)|火花/g },
  { name: 'outage', level: 'urgent', pattern: /停水|停电|停气|没水了|没电了|断水|断电|爆管|水管(?:爆|破)裂|冒水/g },
  { name: 'vulnerable', level: 'urgent', pattern: /独居老人|孤寡老人|无人照顾|没人照顾|瘫痪在床|孕妇|婴儿/g },
  { name: 'crowd', level: 'urgent', pattern: /聚集|围堵|堵路|拉横幅|闹事|扬言|威胁|恐吓/g },
  { name: 'ongoing-danger', level: 'urgent', pattern: /有人(?:晕|倒)|醉酒倒地|路面(?:大坑|裂缝)|大坑/g },
];

// 没了 (gone) is not a negation: 井盖没了 is the hazard itself.
const NEGATORS = /(?:没有|没(?!了)|未|无|不是|并非|不存在|排除|并无|并未|尚未|不会|没啥)(?:发现|看到|见到|听说)?(?:人员|人|有人)?[^，。！？；,.!?;]{0,2}$/;
const RISK = /(?:担心|害怕|怕|防止|预防|以防|以免|避免|容易|可能会|可能|万一|生怕|存在|有没有|是否|会不会|如何|怎么)[^，。！？；,.!?;]{0,12}$/;
const RISK_AFTER = /^(?:隐患|风险|的风险|的隐患|演练|预案|知识|安全检查)/;
const RESOLVED_AFTER = /^[^，。！？；,.!?;]{0,4}(?:已经?(?:被)?(?:扑灭|灭了|处理好|修好|解决|找到|救出)|已熄灭)/;
const CLAUSE = /[，。！？；,.!?;\n]/;

function clauseBounds(text: string, index: number, length: number): [number, number] {
  let start = index;
  while (start > 0 && !CLAUSE.test(text[start - 1]!)) start--;
  let end = index + length;
  while (end < text.length && !CLAUSE.test(text[end]!)) end++;
  return [start, end];
}

const ORDER: Record<Urgency, number> = { normal: 0, urgent: 1, emergency: 2 };

/** Grade a text: the highest level among its counted matches, with the evidence. */
export function gradeUrgency(raw: string): UrgencyResult {
  const text = normalize(raw);
  const evidence: UrgencyEvidence[] = [];
  const discounted: UrgencyResult['discounted'] = [];
  for (const rule of [...EMERGENCY, ...URGENT]) {
    for (const m of text.matchAll(rule.pattern)) {
      const index = m.index!;
      const hit: UrgencyEvidence = { rule: rule.name, match: m[0], level: rule.level, index };
      const [cs, ce] = clauseBounds(text, index, m[0].length);
      const before = text.slice(cs, index);
      const after = text.slice(index + m[0].length, ce);
      if (NEGATORS.test(before)) discounted.push({ ...hit, reason: 'negated' });
      else if (rule.harmlessContext?.test(text.slice(cs, ce))) discounted.push({ ...hit, reason: 'context' });
      else if (RESOLVED_AFTER.test(after)) discounted.push({ ...hit, reason: 'resolved' });
      else if (rule.level === 'emergency' && (RISK.test(before) || RISK_AFTER.test(after))) {
        // A feared fire is a hazard to fix soon, not a fire.
        evidence.push({ ...hit, level: 'urgent' });
        discounted.push({ ...hit, reason: 'risk' });
      } else evidence.push(hit);
    }
  }
  evidence.sort((a, b) => ORDER[b.level] - ORDER[a.level] || a.index - b.index);
  const level = evidence.reduce<Urgency>((l, e) => (ORDER[e.level] > ORDER[l] ? e.level : l), 'normal');
  return { level, evidence, discounted };
}
