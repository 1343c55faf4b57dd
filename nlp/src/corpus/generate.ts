/**
 * Writes corpus/appeals.jsonl and corpus/dedup-pairs.jsonl from the hand-written banks
 * (banks.ts), the hand-written pairs (pairs.ts) and the gazetteer. Deterministic (seeded).
 *
 *   npx tsx nlp/src/corpus/generate.ts
 *
 * Each appeal is one matter of a category, said in one register (call transcript, SMS, WeChat,
 * web form) with the framing of one appeal type, at a place of 青禾区. See corpus/README.md.
 */
import { SPOKEN_APPEALS } from './spoken.ts';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { roadIntersection } from '../gazetteer.ts';
import { districtPlaces, districtUnits } from './district.ts';
import { seededRandom } from '../text.ts';
import { type AppealType, BANKS, type CategoryBank } from './banks.ts';
import { HAND_PAIRS } from './pairs.ts';

export type Register = 'call' | 'sms' | 'wechat' | 'web';

const rand = seededRandom(12345);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const chance = (p: number) => rand() < p;
const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八'];

// ---------- places ----------

const units = districtUnits();
const { roads: ROADS, compounds: COMPOUNDS, landmarks: LANDMARKS } = districtPlaces();
const communities = units.filter((u) => u.level === 'community');
const streetOf = (communityCode: string) => units.find((u) => u.code === communityCode.slice(0, 5))!.name;
const communityAt = (lon: number, lat: number) =>
  communities.find((c) => {
    const ring = c.boundary.coordinates[0]!;
    return lon >= ring[0]![0] && lon < ring[1]![0] && lat >= ring[0]![1] && lat < ring[2]![1];
  })!;

export interface PlaceSlot {
  /** How the appeal names the place. */
  text: string;
  /** A key that is equal for the same spot (used to build duplicate pairs). */
  key: string;
}

function num(n: number, spoken: boolean): string {
  return spoken && n < CN.length && chance(0.5) ? CN[n]! : String(n);
}

function compoundPlace(spoken: boolean, c = pick(COMPOUNDS)): PlaceSlot {
  const b = 1 + Math.floor(rand() * 18);
  const u = 1 + Math.floor(rand() * 4);
  const forms = [
    `${c.name}`,
    `${c.name}小区`,
    `${c.name}${num(b, spoken)}栋`,
    `${c.name}${num(b, spoken)}幢${num(u, spoken)}单元`,
    `${c.name}${num(b, spoken)}号楼楼下`,
    `${c.name}门口`,
    `${c.name}${pick(['东门', '南门', '北门', '西门'])}外面`,
    `${streetOf(communityAt(c.point[0], c.point[1]).code)}${c.name}`,
    `${communityAt(c.point[0], c.point[1]).name}${c.name}`,
  ];
  return { text: pick(forms), key: c.name };
}

function roadPlace(spoken: boolean): PlaceSlot {
  const road = pick(ROADS);
  const n = 1 + 2 * Math.floor((rand() * road.maxNumber) / 2);
  const block = Math.round(n / 40);
  const crossing = ROADS.filter((r) => r !== road && roadIntersection({ line: road.line }, { line: r.line }));
  const forms: PlaceSlot[] = [
    { text: `${road.name}${num(n, spoken)}号`, key: `${road.name}#${block}` },
    { text: `${road.name}${n}号附近`, key: `${road.name}#${block}` },
    { text: `${road.name}${n}号门口`, key: `${road.name}#${block}` },
  ];
  if (crossing.length) {
    const other = pick(crossing);
    forms.push({
      text: `${road.name}${pick(['和', '与'])}${other.name}${pick(['交叉口', '路口', '十字路口'])}`,
      key: [road.name, other.name].sort().join('×'),
    });
  }
  return pick(forms);
}

function landmarkPlace(): PlaceSlot {
  const l = pick(LANDMARKS);
  const name = l.aliases && chance(0.3) ? pick(l.aliases) : l.name;
  return { text: `${name}${pick(['', '对面', '旁边', '门口', '附近', '东侧', '后面'])}`, key: l.name };
}

function communityPlace(): PlaceSlot {
  const c = pick(communities);
  return { text: chance(0.5) ? `${streetOf(c.code)}${c.name}` : c.name, key: c.name };
}

export function randomPlace(spoken: boolean): PlaceSlot {
  const r = rand();
  if (r < 0.4) return compoundPlace(spoken);
  if (r < 0.7) return roadPlace(spoken);
  if (r < 0.92) return landmarkPlace();
  return communityPlace();
}

function home(): string {
  const c = pick(COMPOUNDS);
  return pick([
    `${c.name}的住户`,
    `${c.name}的居民`,
    `住在${c.name}的`,
    `${c.name}${1 + Math.floor(rand() * 18)}栋的业主`,
    `${communityAt(c.point[0], c.point[1]).name}的居民`,
  ]);
}

// ---------- frames ----------

interface Slots {
  p: string;
  core: string;
  title: string;
  detail: string;
  actor: string;
  ask: string;
  idea: string;
  wrong: string;
  need: string;
  home: string;
  duration: string;
}

type Frame = (s: Slots) => string;

const at = (p: string, suffix = '') => (p ? `${p}${suffix}` : '');
const sentence = (s: string) => (s && !/[。！？!?]$/.test(s) ? `${s}，` : s);

const FRAMES: Record<Register, Record<AppealType, Frame[]>> = {
  call: {
    complaint: [
      (s) => `喂，你好，我要投诉啊，就是${at(s.p, '那个')}，${s.core}，${sentence(s.detail)}你们能不能管一管。`,
      (s) => `喂？喂，听得到吗？嗯，是这样的，我是${s.home}，那个${s.core}，${at(s.p, '这边，')}嗯，${sentence(s.detail)}我想投诉一下。`,
      (s) => `你好，那个，我想反映个事情哈，${at(s.p, '这边啊，')}${s.core}，然后${sentence(s.detail)}都说了好几次了，没人管啊。`,
      (s) => `喂你好，我打电话是要投诉${at(s.p, '的')}，就是${s.core}嘛，太过分了，${s.detail || '实在受不了了'}。`,
      (s) => `哎你好，就是${at(s.p, '那里')}啊，${s.core}，对，${sentence(s.detail)}这个事情到底有没有人管啊？`,
    ],
    report: [
      (s) => `喂，你好，我要举报，${at(s.p)}${s.wrong}，嗯，${sentence(s.detail)}我不想留名字啊。`,
      (s) => `你好，就是我想举报一下，那个${s.wrong}，在${s.p || '我们这边'}，对，你们派人去看看。`,
      (s) => `喂，是12345吧，我举报个事，${at(s.p, '这里')}${s.wrong}，好长时间了，你们查一查。`,
    ],
    help: [
      (s) => `喂，你好，麻烦你们帮帮忙，${at(s.p)}${s.need}，${sentence(s.detail)}能不能赶紧派人过来？`,
      (s) => `喂喂，是12345吗？那个${s.core}，${at(s.p, '这里，')}你们快派人来啊！`,
      (s) => `你好你好，我这边${s.need}，地址是${s.p || '我家这里'}，嗯，${s.detail || '麻烦快一点'}。`,
      (s) => `喂，你好，我想求助一下，就是${s.core}，${at(s.p, '，')}不知道该找谁，你们能帮忙吗？`,
    ],
    consultation: [
      (s) => `喂，你好，我想咨询一下啊，${s.ask}`,
      (s) => `你好，那个我问一下哈，就是${s.ask}嗯，我是${s.home}。`,
      (s) => `喂，你好，请问一下，${s.ask}对，就想问问这个。`,
      (s) => `你好，我想了解个情况，${at(s.p, '这边')}${s.core}，这种情况应该找哪个部门啊？`,
    ],
    suggestion: [
      (s) => `喂，你好，我想提个建议啊，就是${at(s.p, '那边')}${s.core}，我觉得${s.idea}。`,
      (s) => `你好，我是${s.home}，就是说呢，${s.idea}，你们考虑一下。`,
      (s) => `喂你好，我不是投诉啊，就是提个意见，${s.idea}，这样大家都方便嘛。`,
    ],
    praise: [
      (s) => `喂，你好，我不是来投诉的啊，我是想表扬一下${s.actor}，之前${at(s.p)}${s.core}，他们很快就来处理好了，真的谢谢你们。`,
      (s) => `你好，我打电话是想感谢${s.actor}的，${at(s.p, '那个')}${s.title}的事情，处理得特别及时，给他们点个赞。`,
      (s) => `喂，你好，上次我反映的${s.title}，今天已经弄好了，${s.actor}很负责，谢谢啊。`,
    ],
  },
  sms: {
    complaint: [
      (s) => `${at(s.p)}${s.core}，请处理。`,
      (s) => `投诉：${at(s.p)}${s.title}，${s.detail || s.core}。`,
      (s) => `${at(s.p)}${s.core}，多次反映无果，请尽快处理！`,
      (s) => `${s.title}，${s.p || '本地'}，${s.detail || '请尽快处理'}`,
    ],
    report: [(s) => `举报：${at(s.p)}${s.wrong}。`, (s) => `实名举报${at(s.p)}${s.wrong}，请查处。`, (s) => `举报${s.wrong}，地点${s.p || '不便透露'}`],
    help: [(s) => `${at(s.p)}${s.core}，请速派人。`, (s) => `求助：${at(s.p)}${s.need}`, (s) => `${s.need}，${s.p}，急`],
    consultation: [(s) => `${s.ask}`, (s) => `咨询：${s.ask}`, (s) => `请问${s.ask.replace(/^请问/, '')}`],
    suggestion: [(s) => `建议：${s.idea}（${s.p || '全区'}）`, (s) => `${at(s.p)}${s.title}，${s.idea}。`, (s) => `${s.idea}，谢谢。`],
    praise: [
      (s) => `感谢${s.actor}，${at(s.p)}${s.title}已解决，点赞！`,
      (s) => `表扬${s.actor}处理${s.title}及时。`,
      (s) => `${s.title}的问题已修好，谢谢${s.actor}`,
    ],
  },
  wechat: {
    complaint: [
      (s) => `你好，${at(s.p)}${s.core}，${s.detail || '太影响生活了'}😡 能不能管管？`,
      (s) => `[图片] ${at(s.p, '这里')}${s.core}，反映了好几次了`,
      (s) => `您好，我是${s.home}，想反映一下${s.title}的问题，${s.core}，${sentence(s.detail)}麻烦尽快处理，谢谢🙏`,
      (s) => `${s.p ? `${s.p}，` : ''}${s.core}！！${s.detail}，有没有人管啊`,
    ],
    report: [
      (s) => `你好，我要举报一下，${at(s.p)}${s.wrong}，我有照片`,
      (s) => `举报！${at(s.p)}${s.wrong}，请相关部门查一查`,
      (s) => `匿名举报：${s.wrong}，${s.p || '地址私信'}`,
    ],
    help: [
      (s) => `急！！${at(s.p)}${s.core}，${s.detail || '请帮忙'}`,
      (s) => `您好，${at(s.p)}${s.need}，可以派人来看看吗？`,
      (s) => `在吗？${s.need}，${s.p}，怎么办啊😭`,
    ],
    consultation: [(s) => `你好，请问一下${s.ask.replace(/^请问/, '')}`, (s) => `您好～想问下${s.ask}谢谢`, (s) => `在吗，咨询个问题：${s.ask}`],
    suggestion: [(s) => `你好，提个小建议：${s.idea}，${at(s.p, '这边')}很需要`, (s) => `建议${s.idea.replace(/^建议/, '')}，大家都会支持的👍`],
    praise: [
      (s) => `必须给${s.actor}点个赞👍 ${at(s.p, '的')}${s.title}问题当天就解决了`,
      (s) => `谢谢你们！${at(s.p)}${s.core}的事已经处理好了，效率很高`,
      (s) => `表扬一下${s.actor}，${s.title}处理得又快又好❤️`,
    ],
  },
  web: {
    complaint: [
      (s) =>
        `关于${at(s.p)}${s.title}的问题\n尊敬的领导：您好！本人是${s.home}，现反映${at(s.p)}${s.core}的问题。${s.detail ? `${s.detail}。` : ''}此问题已持续${s.duration}，严重影响周边居民的正常生活，恳请相关部门尽快处理。谢谢！`,
      (s) => `${s.title}问题亟待解决\n${at(s.p)}${s.core}，${sentence(s.detail)}多次反映未果，望有关部门予以重视。`,
      (s) => `投诉${at(s.p)}${s.title}\n您好，${s.core}。${s.detail ? `${s.detail}。` : ''}希望有关部门依法依规处理，给居民一个满意的答复。`,
    ],
    report: [
      (s) => `举报${at(s.p)}${s.title}\n本人实名举报：${at(s.p)}${s.wrong}。${s.detail ? `${s.detail}。` : ''}请相关部门依法查处，并对举报人信息予以保密。`,
      (s) => `关于${s.wrong}的举报\n尊敬的领导：${at(s.p)}${s.wrong}，已持续${s.duration}，望尽快调查处理。`,
    ],
    help: [
      (s) => `请求协助：${at(s.p)}${s.title}\n${at(s.p)}${s.core}。${s.detail ? `${s.detail}。` : ''}望相关部门尽快派人处理，谢谢。`,
      (s) => `求助\n您好，${s.need}，${s.p ? `地点在${s.p}，` : ''}恳请帮助解决。`,
    ],
    consultation: [
      (s) => `咨询${s.title}相关事宜\n您好，${s.ask}${s.detail ? `${s.detail}，` : ''}烦请解答，谢谢。`,
      (s) => `请问${s.ask.replace(/^请问/, '')}望答复。`,
      (s) => `关于${s.title}的咨询\n尊敬的领导：本人是${s.home}，想咨询一下：${s.ask}盼复。`,
    ],
    suggestion: [
      (s) => `关于${at(s.p)}${s.title}的建议\n尊敬的领导：${at(s.p)}${s.core}，给周边群众带来不便。${s.idea}，以方便群众。此致敬礼！`,
      (s) => `建议\n${s.idea}。${s.detail ? `目前${s.detail}。` : ''}希望相关部门采纳。`,
    ],
    praise: [
      (s) => `表扬信：${at(s.p)}${s.title}问题已解决\n近日我反映了${at(s.p)}${s.core}的问题，${s.actor}接到后迅速处理，态度好、效率高，特此表扬，感谢！`,
      (s) => `感谢${s.actor}\n${at(s.p)}${s.title}的问题困扰我们很久，这次${s.actor}很快就解决了，为你们的工作点赞。`,
    ],
  },
};

const FILLERS = ['嗯，', '那个，', '就是，', '然后，', '对，', '啊，'];

/** Spoken transcripts repeat and hesitate: sprinkle fillers at clause boundaries. */
function spoken(text: string): string {
  return text.replace(/，/g, (m) => (chance(0.25) ? `${m}${pick(FILLERS)}` : m));
}

const REGISTER_WEIGHTS: [Register, number][] = [
  ['call', 0.3],
  ['sms', 0.2],
  ['wechat', 0.25],
  ['web', 0.25],
];
function pickRegister(): Register {
  let r = rand();
  for (const [reg, w] of REGISTER_WEIGHTS) if ((r -= w) < 0) return reg;
  return 'web';
}

export interface IssueChoice {
  index: number;
  title: string;
  variant: string;
}

export function pickIssue(bank: CategoryBank, index = Math.floor(rand() * bank.issues.length)): IssueChoice {
  const [title, ...variants] = bank.issues[index]!.split('|');
  return { index, title: title!, variant: pick(variants) };
}

/** One appeal text for a bank, a type and a register; `fixed` pins the issue and place (for pairs). */
export function renderAppeal(bank: CategoryBank, type: AppealType, register: Register, fixed: { issue?: IssueChoice; place?: PlaceSlot } = {}): string {
  const issue = fixed.issue ?? pickIssue(bank);
  const isSpoken = register === 'call' || register === 'wechat';
  const place = fixed.place ?? (bank.placed ? randomPlace(isSpoken) : chance(0.2) ? (chance(0.5) ? compoundPlace(isSpoken) : communityPlace()) : undefined);
  const details = [...bank.details].sort(() => rand() - 0.5);
  const detailCount = register === 'sms' ? (chance(0.3) ? 1 : 0) : register === 'web' ? 1 + Math.floor(rand() * 2) : Math.floor(rand() * 2);
  const slots: Slots = {
    p: place?.text ?? '',
    core: issue.variant,
    title: issue.title,
    detail: details.slice(0, detailCount).join('，'),
    actor: pick(bank.actors),
    ask: pick(bank.consult),
    idea: pick(bank.suggest),
    wrong: fixed.issue ? issue.variant : bank.report && chance(0.75) ? pick(bank.report) : issue.variant,
    need: fixed.issue ? issue.variant : bank.help && chance(0.5) ? pick(bank.help) : issue.variant,
    home: home(),
    duration: pick(['好几天', '一个多月', '半年多', '两个多星期', '很长时间', '三个月']),
  };
  let text = pick(FRAMES[register][type])(slots);
  text = text
    .replace(/，，+/g, '，')
    .replace(/，。/g, '。')
    .replace(/^，/, '')
    .replace(/，([！？!?])/g, '$1');
  if (register === 'call') text = spoken(text);
  return text;
}

function weightedTypes(bank: CategoryBank): AppealType[] {
  return Object.entries(bank.types).flatMap(([type, n]) => Array<AppealType>(n!).fill(type as AppealType));
}

export interface CorpusLine {
  text: string;
  category: string;
  type: AppealType;
  register: Register;
}

export function generateAppeals(): CorpusLine[] {
  const seen = new Set<string>();
  const lines: CorpusLine[] = [];
  for (const bank of BANKS) {
    for (const type of weightedTypes(bank)) {
      for (let attempt = 0; attempt < 20; attempt++) {
        const register = pickRegister();
        const text = renderAppeal(bank, type, register);
        if (seen.has(text)) continue;
        seen.add(text);
        lines.push({ text, category: bank.code, type, register });
        break;
      }
    }
  }
  return [...lines, ...SPOKEN_APPEALS.filter((l) => !seen.has(l.text))];
}

// ---------- duplicate pairs ----------

export interface Pair {
  text1: string;
  text2: string;
  label: 0 | 1;
  kind: string;
}

const MATTER_TYPES: AppealType[] = ['complaint', 'help', 'report'];
const placedBanks = BANKS.filter((b) => b.placed);

function renderFixed(bank: CategoryBank, issue: IssueChoice, place: PlaceSlot): string {
  const reg = pickRegister();
  return renderAppeal(bank, pick(MATTER_TYPES.filter((t) => bank.types[t])), reg, { issue, place });
}

/** Another phrase for the same spot: 湖滨花园3栋 ↔ 湖滨花园小区门口. */
function samePlace(place: PlaceSlot, spoken: boolean): PlaceSlot {
  const c = COMPOUNDS.find((x) => x.name === place.key);
  if (c) return compoundPlace(spoken, c);
  const l = LANDMARKS.find((x) => x.name === place.key);
  if (l) return { text: `${l.name}${pick(['', '附近', '门口', '旁边'])}`, key: l.name };
  return place;
}

function otherPlace(place: PlaceSlot, spoken: boolean): PlaceSlot {
  for (;;) {
    const p = randomPlace(spoken);
    if (p.key !== place.key && p.key.split('#')[0] !== place.key.split('#')[0]) return p;
  }
}

export function generatePairs(): Pair[] {
  const pairs: Pair[] = [];
  const add = (text1: string, text2: string, label: 0 | 1, kind: string) => {
    if (text1 !== text2) pairs.push({ text1, text2, label, kind });
  };
  for (let i = 0; i < 150; i++) {
    // Paraphrase: the same matter at the same spot, told by two citizens.
    const bank = pick(placedBanks);
    const issueIndex = Math.floor(rand() * bank.issues.length);
    const place = compoundOrLandmark();
    add(
      renderFixed(bank, pickIssue(bank, issueIndex), place),
      renderFixed(bank, pickIssue(bank, issueIndex), chance(0.6) ? samePlace(place, true) : place),
      1,
      'paraphrase',
    );
  }
  for (let i = 0; i < 60; i++) {
    // Adversarial: the same category and spot, a different matter (路灯不亮 vs 路灯杆倒了).
    const bank = pick(placedBanks);
    const a = Math.floor(rand() * bank.issues.length);
    let b = Math.floor(rand() * bank.issues.length);
    if (b === a) b = (a + 1) % bank.issues.length;
    const place = compoundOrLandmark();
    add(renderFixed(bank, pickIssue(bank, a), place), renderFixed(bank, pickIssue(bank, b), place), 0, 'adversarial-matter');
  }
  for (let i = 0; i < 60; i++) {
    // Adversarial: the same matter, another place.
    const bank = pick(placedBanks);
    const issueIndex = Math.floor(rand() * bank.issues.length);
    const place = compoundOrLandmark();
    add(renderFixed(bank, pickIssue(bank, issueIndex), place), renderFixed(bank, pickIssue(bank, issueIndex), otherPlace(place, true)), 0, 'adversarial-place');
  }
  for (let i = 0; i < 40; i++) {
    // Unrelated appeals.
    const [b1, b2] = [pick(BANKS), pick(BANKS)];
    if (b1 === b2) continue;
    add(
      renderAppeal(b1, pick(MATTER_TYPES.filter((t) => b1.types[t])), pickRegister()),
      renderAppeal(b2, pick(MATTER_TYPES.filter((t) => b2.types[t])), pickRegister()),
      0,
      'unrelated',
    );
  }
  for (const p of HAND_PAIRS) add(p.text1, p.text2, p.label, p.kind);
  return pairs.sort(() => rand() - 0.5);
}

function compoundOrLandmark(): PlaceSlot {
  return chance(0.7) ? compoundPlace(true) : landmarkPlace();
}

// ---------- main ----------

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = dirname(fileURLToPath(import.meta.url));
  const appeals = generateAppeals();
  writeFileSync(join(dir, 'appeals.jsonl'), appeals.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const pairs = generatePairs();
  writeFileSync(join(dir, 'dedup-pairs.jsonl'), pairs.map((p) => JSON.stringify(p)).join('\n') + '\n');
  const count = (key: keyof CorpusLine) =>
    Object.entries(appeals.reduce<Record<string, number>>((m, l) => ((m[l[key]] = (m[l[key]] ?? 0) + 1), m), {}))
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
  console.log(`appeals.jsonl: ${appeals.length} lines\n  category: ${count('category')}\n  type: ${count('type')}\n  register: ${count('register')}`);
  const kinds = pairs.reduce<Record<string, number>>((m, p) => ((m[`${p.kind}/${p.label}`] = (m[`${p.kind}/${p.label}`] ?? 0) + 1), m), {});
  console.log(`dedup-pairs.jsonl: ${pairs.length} pairs: ${JSON.stringify(kinds)}`);
}
