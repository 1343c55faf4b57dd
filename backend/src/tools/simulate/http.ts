/** One step of an appeal that did not get the answer the protocol promises. */
export class StepFailure extends Error {
  constructor(
    readonly step: string,
    readonly status: number | undefined,
    readonly body: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StepFailure';
  }
}

export interface HttpAnswer {
  status: number;
  body: string;
  contentType: string;
  /** From sending the request to having read the whole answer. */
  ms: number;
}

/** A provider that never answers must not hold a slot forever. */
const REQUEST_TIMEOUT_MS = 30_000;

/** fetch's "fetch failed" hides the reason in `cause` (an AggregateError when both IPv4 and IPv6 were tried). */
function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    chain.push(current);
    const errors = (current as { errors?: unknown }).errors;
    current = (current as { cause?: unknown }).cause ?? (Array.isArray(errors) ? errors[0] : undefined);
  }
  return chain;
}

/** The system error code (ECONNREFUSED, ENOTFOUND, …) behind a failed fetch, if any. */
export function networkErrorCode(error: unknown): string | undefined {
  return causes(error)
    .map((e) => (e as { code?: unknown }).code)
    .find((code): code is string => typeof code === 'string');
}

function networkErrorMessage(error: unknown): string {
  const deepest = causes(error).at(-1);
  const message = deepest instanceof Error ? deepest.message : String(deepest);
  const code = networkErrorCode(error) ?? (error instanceof Error && error.name === 'TimeoutError' ? 'TIMEOUT' : undefined);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

export async function send(step: string, url: string, init: RequestInit): Promise<HttpAnswer> {
  const started = performance.now();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const body = await res.text();
    return { status: res.status, body, contentType: res.headers.get('content-type') ?? '', ms: performance.now() - started };
  } catch (error) {
    throw new StepFailure(step, undefined, '', networkErrorMessage(error), { cause: error });
  }
}

export function expectStatus(step: string, answer: HttpAnswer, ...statuses: number[]): void {
  if (!statuses.includes(answer.status)) throw new StepFailure(step, answer.status, answer.body, `expected HTTP ${statuses.join(' or ')}`);
}

export function expectBody(step: string, answer: HttpAnswer, pattern: RegExp, what: string): RegExpExecArray {
  const match = pattern.exec(answer.body);
  if (!match) throw new StepFailure(step, answer.status, answer.body, `expected ${what}`);
  return match;
}

/**
 * The case number (案件流水号) in an acknowledgement: written ("案件流水号 20261122000123") or
 * spoken digit by digit in TwiML ("案件流水号 2 0 2 6 …", "案件流水号是 2 0 …").
 */
export function caseNumberIn(text: string): string | undefined {
  const match = /案件流水号(?:是)?\s*((?:\d\s?){14,20})/.exec(text);
  const digits = match?.[1]?.replace(/\s/g, '');
  return digits && /^\d{14,20}$/.test(digits) ? digits : undefined;
}
