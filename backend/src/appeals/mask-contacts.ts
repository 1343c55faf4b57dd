/**
 * 举报人保密: the one mask over a citizen's words before a department or the linkage platform reads
 * them. Every character that identifies a contact becomes `*`; everything else — separators, the
 * `+` of +86, the `@` and dots of an address, the words around — stays as it was, so the text keeps
 * its length and its sense.
 *
 * The text is read as typed with full-width forms (０-９, Ａ-ｚ, ＠, ：, （）) taken as their ASCII
 * twins and every dash as `-`. Digits are read in runs: digit groups joined by up to three
 * separators (any space including U+3000, zero-width spaces, `.` `-` `—` `–` `－` `·` `・` `/` `_`
 * and brackets; not commas, so a list of numbers stays a list). Within a run, every sequence of
 * whole groups of at most 18 digits is masked when it is:
 * - a mobile number, `1[3-9]` and 9 more digits, with or without 86 / 0086 in front;
 * - a landline with its area code, `0` + 010, 02x or a three-digit code + 7–8 digits, or the same
 *   after 86 / 0086 instead of the 0 — `(0571)87654321`, `（0571）8765-4321`, `0571-87654321`; the
 *   area code written whole (its group has 3+ digits, 2+ after 86), so that dates in a row never
 *   read as one;
 * - an ID number (身份证): 18 digits, the last possibly X/x/Ｘ right after the 17th, or the old 15;
 *   a region (not starting 20: never a case number or a date), a birth date 18xx–20xx (15-digit:
 *   yy) with a real month and day, then the sequence;
 * - a local number of 7–8 digits not starting 0 or 1, only where the text says it is a phone
 *   number just before it (电话, 手机, 座机, 固话, 号码, 致电, 拨打, 回电, tel, phone; then at most
 *   three of space, colon, 是, 为, `(`).
 * Besides the runs: e-mail addresses (`name@host`, also with ＠ or `。`), and after a cue — 微信,
 * 威信, v信/V信, VX, vx, wx, weixin, WeChat, QQ, 扣扣, then optionally 号, 号码 or ID and at most
 * three of space, colon, 是, 为 — the WeChat id or QQ number that follows (5–20 of letters, digits,
 * `_`, `-`).
 *
 * Not masked: case numbers (the day and a daily sequence, 14 digits: 20261122000123), dates
 * (2026-11-22, 2026.11.22, 2026年11月22日), times, house numbers (12号, 3单元502室), amounts, the
 * hotline's own 12345, and a bare 7–8 digit number with no phone cue before it (it may be a date
 * or an amount). Numbers spelled in Chinese numerals (一三九…) are not read.
 */
export function maskReporterContacts(text: string): string {
  const folded = fold(text);
  const hidden = new Uint8Array(text.length);
  for (const run of folded.matchAll(DIGIT_RUN)) hideContactsInRun(folded, run.index, run[0], hidden);
  for (const match of folded.matchAll(EMAIL)) hideWord(folded, match.index, match[0].length, hidden);
  for (const match of folded.matchAll(MESSENGER_ID)) {
    const id = match[1]!;
    hideWord(folded, match.index + match[0].length - id.length, id.length, hidden);
  }
  if (!hidden.includes(1)) return text;
  let masked = '';
  for (let i = 0; i < text.length; i++) masked += hidden[i] ? '*' : text[i];
  return masked;
}

/** One UTF-16 unit in, one out: a position in the folded copy is the same position in the text. */
function fold(text: string): string {
  let folded = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) folded += String.fromCharCode(code - 0xfee0);
    else if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212 || code === 0x2500 || code === 0x2501 || code === 0x30fc) folded += '-';
    else folded += text[i];
  }
  return folded;
}

const SEPARATOR = String.raw`[\s\u00ad\u200b-\u200d\u2060.\-·・•/_()[\]【】〔〕]`;
const DIGIT_RUN = new RegExp(String.raw`\d+(?:${SEPARATOR}{1,3}\d+)*`, 'g');
/** The shortest and longest contacts read in a run: a local number, an ID number. */
const MIN_DIGITS = 7;
const MAX_DIGITS = 18;

const MOBILE = /^(?:0086|86)?1[3-9]\d{9}$/;
const COUNTRY_CODE = /^(?:0086|86)$/;
const LANDLINE = /^(?:0|0086|86)(?:10|2\d|[3-9]\d{2})\d{7,8}$/;
const DAY = String.raw`(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])`;
const ID_18 = new RegExp(String.raw`^(?!20)[1-9]\d{5}(?:18|19|20)\d{2}${DAY}\d{3}[\dX]$`);
const ID_15 = new RegExp(String.raw`^(?!20)[1-9]\d{5}\d{2}${DAY}\d{3}$`);
const LOCAL = /^[2-9]\d{6,7}$/;
const PHONE_CUE = /(?:电话|手机|座机|固话|号码|致电|拨打|回电|tel|phone)[\s:是为(]{0,3}$/i;

// Tried only where a word starts, so a long run of letters costs one pass, not one per letter.
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:[.。｡][A-Za-z0-9-]+)*/g;
const MESSENGER_ID =
  /(?<![A-Za-z])(?:微信|威信|v信|vx|wx|wei\s?xin|we\s?chat|qq|扣扣)(?:号码?|\s*id(?=[\s:]))?[\s:是为]{0,3}([A-Za-z0-9][A-Za-z0-9_-]{4,19})(?![A-Za-z0-9_-])/gi;

interface Group {
  start: number;
  end: number;
  digits: string;
}

/** Every sequence of whole groups that reads as a contact is hidden; overlapping readings hide their union. */
function hideContactsInRun(folded: string, at: number, run: string, hidden: Uint8Array) {
  const groups: Group[] = [...run.matchAll(/\d+/g)].map((m) => ({ start: at + m.index, end: at + m.index + m[0].length, digits: m[0] }));
  const cued = PHONE_CUE.test(folded.slice(Math.max(0, at - 12), at));
  for (let i = 0; i < groups.length; i++) {
    let digits = '';
    for (let j = i; j < groups.length && digits.length + groups[j]!.digits.length <= MAX_DIGITS; j++) {
      digits += groups[j]!.digits;
      if (digits.length < MIN_DIGITS) continue;
      const end = groups[j]!.end;
      const withX = digits.length === 17 && /^[Xx](?![A-Za-z0-9])/.test(folded.slice(end, end + 2)) && ID_18.test(`${digits}X`);
      if (!withX && !isContact(digits, groups, i, cued && i === 0)) continue;
      for (let g = i; g <= j; g++) hidden.fill(1, groups[g]!.start, groups[g]!.end);
      if (withX) hidden[end] = 1;
    }
  }
}

/** Whether the digits of groups i… read as a contact; `cued`: a phone cue stands right before them. */
function isContact(digits: string, groups: Group[], i: number, cued: boolean): boolean {
  return (
    MOBILE.test(digits) ||
    (LANDLINE.test(digits) && areaCodeWhole(groups[i]!.digits, groups[i + 1]?.digits)) ||
    ID_18.test(digits) ||
    ID_15.test(digits) ||
    (cued && LOCAL.test(digits))
  );
}

/**
 * A landline's area code is written whole — its first group has at least three digits (two after a
 * separate 86 / 0086) — so that dates in a row (2026-08-09 2026-08-10) never read as one.
 */
function areaCodeWhole(head: string, next: string | undefined): boolean {
  return next !== undefined && COUNTRY_CODE.test(head) ? next.length >= 2 : head.length >= 3;
}

/** Letters and digits of an address or id; its `@`, dots and dashes stay. */
function hideWord(folded: string, start: number, length: number, hidden: Uint8Array) {
  for (let i = start; i < start + length; i++) if (/[A-Za-z0-9]/.test(folded[i]!)) hidden[i] = 1;
}
