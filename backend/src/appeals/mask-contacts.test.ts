import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maskReporterContacts } from './mask-contacts.ts';
import { formatCaseNumber } from './case-number.ts';

/**
 * 举报人保密: whatever form a contact is typed in, none of its identifying characters survives the
 * mask; text with no contact in it comes out exactly as it went in.
 */
const RUNS = { numRuns: 300 };

/** Full-width to ASCII, as a reader would see the output: what the mask left must not read as the contact. */
const normalised = (text: string) => text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
const digitsOf = (text: string) => normalised(text).replace(/\D/g, '');

/** Chinese words and punctuation around the contact: no digits, no Latin letters, no phone cue. */
const FILLER_WORDS = [
  '举报',
  '青禾路',
  '的餐馆',
  '每天夜里',
  '把油污',
  '倒进雨水井',
  '请核实',
  '谢谢',
  '，',
  '。',
  '！',
  '：',
  '我',
  '住在',
  '附近',
  '匿名',
  '（',
  '）',
  ' ',
];
const filler = fc.array(fc.constantFrom(...FILLER_WORDS), { maxLength: 6 }).map((words) => words.join(''));

const SEPARATORS = [' ', '\u3000', '.', '-', '—', '–', '－', '·', '/', ' - ', '. ', '\u200b'];
const digitIn = (d: string, fullWidth: boolean) => (fullWidth ? String.fromCharCode(d.charCodeAt(0) + 0xfee0) : d);

/** The digits, each ASCII or full-width at random, with a random separator between some of them. */
function rendered(digits: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return digits.chain((ds) =>
    fc
      .tuple(
        fc.array(fc.boolean(), { minLength: ds.length, maxLength: ds.length }),
        fc.array(fc.option(fc.constantFrom(...SEPARATORS), { freq: 3 }), { minLength: ds.length, maxLength: ds.length }),
      )
      .map(([wide, seps]) => [...ds].map((d, i) => (i > 0 ? (seps[i] ?? '') : '') + digitIn(d, wide[i]!)).join('')),
  );
}

const digitString = (length: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((ds) => ds.join(''));
const mobile = fc.tuple(fc.constantFrom('13', '14', '15', '16', '17', '18', '19'), digitString(9)).map(([head, rest]) => head + rest);
const MOBILE_PREFIXES = ['', '', '+86', '+86 ', '＋８６ ', '0086', '0086-', '86 ', '(+86)', '（+86）'];

/** An ID number with a real region, birth date and check digit (ISO 7064 MOD 11-2: X for 10). */
const idNumber = fc
  .tuple(
    fc.constantFrom('110101', '310104', '330106', '440305', '510107', '650102'),
    fc.date({ min: new Date('1930-01-01'), max: new Date('2012-12-31'), noInvalidDate: true }),
    digitString(3),
  )
  .map(([region, birth, sequence]) => {
    const body = `${region}${birth.toISOString().slice(0, 10).replaceAll('-', '')}${sequence}`;
    const sum = [...body].reduce((total, d, i) => total + Number(d) * (2 ** (17 - i) % 11), 0);
    return body + '10X98765432'[sum % 11];
  });

/** The contact inside random Chinese text. */
const inText = (contact: fc.Arbitrary<string>) => fc.tuple(filler, contact, filler).map(([before, c, after]) => `${before}${c}${after}`);

describe('maskReporterContacts: the forms from issue 13', () => {
  it.each([
    ['请回电13912345678谢谢', '请回电***********谢谢'],
    ['我的手机１３９１２３４５６７８', '我的手机***********'],
    ['电话139.1234.5678', '电话***.****.****'],
    ['电话139—1234—5678', '电话***—****—****'],
    ['电话139 1234 5678', '电话*** **** ****'],
    ['座机(0571)87654321', '座机(****)********'],
    ['手机139１2345678', '手机***********'],
    ['手机 +86 139 1234 5678', '手机 +** *** **** ****'],
    ['0086-13912345678', '****-***********'],
    ['座机0571-87654321或138-0013-8000', '座机****-********或***-****-****'],
    ['座机（0571）8765-4321', '座机（****）****-****'],
    ['+86 571 8765 4321', '+** *** **** ****'],
    ['身份证号110101199003071234', '身份证号******************'],
    ['身份证11010119900307123X。', '身份证******************。'],
    ['身份证１１０１０１１９９００３０７１２３ｘ', '身份证******************'],
    ['老身份证110101900307123', '老身份证***************'],
    ['邮箱lin.shouxin@example.org', '邮箱***.*******@*******.***'],
    ['邮箱ｌｉｎ＠ｑｑ。ｃｏｍ', '邮箱***＠**。***'],
    ['微信：linshouxin_88', '微信：**********_**'],
    ['加我微信号 lsx2026', '加我微信号 *******'],
    ['VX:abc12345', 'VX:********'],
    ['v信 abc12345', 'v信 ********'],
    ['wx abc-12345', 'wx ***-*****'],
    ['WeChat ID: lsx_2026', 'WeChat ID: ***_****'],
    ['QQ：123456789', 'QQ：*********'],
    ['电话87654321', '电话********'],
    ['固话：8765-4321', '固话：****-****'],
    ['房间12 13912345678', '房间12 ***********'],
  ])('%s → %s', (text, masked) => {
    expect(maskReporterContacts(text)).toBe(masked);
  });

  it.each([
    '案件20261122000123还没办',
    '2026-11-22 13:45 来电',
    '2026.11.22、2026/11/22、2026年11月22日、２０２６－１１－２２',
    '2026-08-09 2026-08-10 两次',
    '青禾路88号3单元502室，楼高120米',
    '罚款5000元，涉及12000000元，¥1,234.50',
    '拨打12345热线，转2号键',
    '13:45到14:30之间，共3次',
    '微信公众号和QQ群都找过',
    '投诉编号20261122000123 20261122000124',
    '2026-11-22 20261122000123 3号',
    '2026-11-13 13:45 20261122 12.5万',
    '13、14、15、16、17、18、19号楼',
  ])('leaves %s as it is', (text) => {
    expect(maskReporterContacts(text)).toBe(text);
  });
});

describe('maskReporterContacts: properties', () => {
  it('leaves no digit of a mobile number, in any width, with any separators and prefix', () => {
    fc.assert(
      fc.property(inText(fc.tuple(fc.constantFrom(...MOBILE_PREFIXES), rendered(mobile)).map(([p, n]) => p + n)), (text) => {
        const masked = maskReporterContacts(text);
        expect(digitsOf(masked)).toBe('');
        expect(masked).toHaveLength(text.length);
      }),
      RUNS,
    );
  });

  it('leaves no digit of a landline written with its area code', () => {
    const areaCode = fc.constantFrom('010', '021', '0571', '0755', '0898');
    const local = fc.tuple(fc.integer({ min: 2, max: 9 }), digitString(7)).map(([first, rest]) => `${first}${rest}`);
    const landline = fc
      .tuple(fc.constantFrom('', '(', '（'), areaCode, fc.constantFrom('', '-', ' ', ')', '）', '－', '—'), rendered(local), fc.boolean())
      .map(([open, area, between, number, wide]) => `${open}${[...area].map((d) => digitIn(d, wide)).join('')}${between}${number}`);
    fc.assert(
      fc.property(inText(landline), (text) => {
        expect(digitsOf(maskReporterContacts(text))).toBe('');
      }),
      RUNS,
    );
  });

  it('leaves no character of an ID number, the final X included', () => {
    const id = rendered(idNumber.map((n) => n.replace('X', '9')));
    const withX = fc.tuple(idNumber, fc.boolean(), fc.constantFrom('X', 'x', 'Ｘ')).map(([n, wide, x]) => {
      const digits = [...n.slice(0, 17)].map((d) => digitIn(d, wide)).join('');
      return n.endsWith('X') ? digits + x : digits + digitIn(n[17]!, wide);
    });
    fc.assert(
      fc.property(inText(fc.oneof(id, withX)), (text) => {
        const masked = normalised(maskReporterContacts(text));
        expect(masked.replace(/\D/g, '')).toBe('');
        expect(masked).not.toMatch(/[Xx]/);
      }),
      RUNS,
    );
  });

  it('leaves no letter or digit of an e-mail address, WeChat id or QQ number', () => {
    const local = fc.stringMatching(/^[a-z][a-z0-9._]{2,14}[a-z0-9]$/);
    const domain = fc.tuple(fc.stringMatching(/^[a-z0-9]{2,10}$/), fc.constantFrom('com', 'cn', 'org', 'com.cn')).map(([name, tld]) => `${name}.${tld}`);
    const wide = (s: string, on: boolean) => (on ? s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)) : s);
    const email = fc
      .tuple(local, fc.constantFrom('@', '＠'), domain, fc.constantFrom('.', '。', '．'), fc.boolean())
      .map(([name, at, host, dot, on]) => wide(`${name}${at}${host.replaceAll('.', dot)}`, on));
    const cue = fc.constantFrom('微信', '威信', 'V信', 'VX', 'vx', 'wx', 'WeChat', 'QQ', 'qq', '扣扣');
    const handle = fc.oneof(fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_-]{5,19}$/), fc.stringMatching(/^[1-9][0-9]{4,10}$/));
    const messenger = fc
      .tuple(cue, fc.constantFrom('', ' ', '：', ':', '是', '号：', '号码是', '号 ', ' ID: '), handle, fc.boolean())
      .map(([c, sep, id, on]) => `${c}${sep}${wide(id, on)}`);
    fc.assert(
      fc.property(filler, fc.oneof(email, messenger), filler, (before, contact, after) => {
        const masked = normalised(maskReporterContacts(`${before}${contact}${after}`));
        // Only the cue word itself (VX, WeChat, QQ…) may still be Latin letters.
        const cueWord = /^(?:微信|威信|V信|VX|vx|wx|WeChat|QQ|qq|扣扣)(?: ID)?/.exec(contact)?.[0] ?? '';
        expect(masked.slice(before.length + cueWord.length)).not.toMatch(/[A-Za-z0-9]/);
      }),
      RUNS,
    );
  });

  it('changes nothing in text without contacts: dates, times, case numbers, house numbers, amounts', () => {
    const date = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).chain((d) => {
      const [y, m, day] = d.toISOString().slice(0, 10).split('-') as [string, string, string];
      return fc.constantFrom(`${y}-${m}-${day}`, `${y}.${m}.${day}`, `${y}/${m}/${day}`, `${y}年${Number(m)}月${Number(day)}日`, `${y}${m}${day}`, `${y}-${m}`);
    });
    const time = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    const caseNumber = fc
      .tuple(fc.date({ min: new Date('2020-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), fc.integer({ min: 1, max: 999_999 }))
      .map(([d, sequence]) => formatCaseNumber(d.toISOString().slice(0, 10).replaceAll('-', ''), sequence));
    const house = fc
      .tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 101, max: 3302 }))
      .chain(([n, unit, room]) => fc.constantFrom(`${n}号`, `${unit}单元${room}室`, `${n}栋${unit}单元${room}`, `${n}弄${unit}号`));
    const amount = fc
      .tuple(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 99 }))
      .chain(([n, cents]) => fc.constantFrom(`${n}元`, `¥${n}.${String(cents).padStart(2, '0')}`, `${n}.${cents}万`, `${cents}%`, `${n}平方米`));
    const piece = fc.oneof(date, time, caseNumber, house, amount, fc.constant('12345热线'));
    // Digits joined by spaces are one run (that is how 139 1234 5678 is caught), so here unrelated
    // numbers are apart by punctuation or words; the usual space-joined pairs are listed above.
    const joiner = fc.constantFrom('，', '。', '、', '；', '和', '至', '举报', '青禾路');
    const text = fc.array(fc.tuple(piece, joiner), { minLength: 1, maxLength: 8 }).map((parts) => parts.map(([p, j]) => p + j).join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(maskReporterContacts(t)).toBe(t);
      }),
      { numRuns: 500 },
    );
  });

  it('is stable: masking twice is masking once, and the length never changes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), inText(rendered(mobile)), (anything, withMobile) => {
        for (const text of [anything, withMobile, anything + withMobile]) {
          const once = maskReporterContacts(text);
          expect(maskReporterContacts(once)).toBe(once);
          expect(once).toHaveLength(text.length);
        }
      }),
      RUNS,
    );
  });
});
