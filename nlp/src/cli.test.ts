import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CORPUS_FILE } from './background.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'nlp-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs `tsx nlp/src/cli.ts …` as `npm run nlp` does. */
function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'cli.ts'), ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, unknown>;
const file = (name: string, text: string) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

// A small labelled file: every 6th corpus line, so training stays quick.
const small = file(
  'small.jsonl',
  readFileSync(CORPUS_FILE, 'utf8')
    .trim()
    .split('\n')
    .filter((_, i) => i % 6 === 0)
    .join('\n') + '\n',
);

describe('nlp command line', () => {
  it('trains, evaluates, cross-validates and evaluates duplicates, ending with one JSON line', async () => {
    const out = join(tmp, 'model');
    const pairs = file(
      'pairs.jsonl',
      [
        '{"text1":"东湖路128号路灯不亮了","text2":"东湖路128号的路灯坏了","label":1}',
        '{"text1":"东湖路128号路灯不亮了","text2":"民生路500号井盖没了","label":0}',
      ].join('\n'),
    );
    const trained = await cli('train', '--data', small, '--out', out, '--version', 'cli-1', '--json');
    expect(trained.code, trained.stderr).toBe(0);
    expect(lastJson(trained.stdout)).toMatchObject({ modelVersion: 'cli-1', categories: 19 });

    const [evaluated, cv, dedup] = await Promise.all([
      cli('eval', '--model', out, '--data', small, '--json'),
      cli('cv', '--data', small, '--folds', '3', '--json'),
      cli('dedup-eval', '--data', pairs, '--model', out, '--json'),
    ]);
    expect(evaluated.code, evaluated.stderr).toBe(0);
    expect(evaluated.stdout).toContain('confusion matrix');
    expect(lastJson(evaluated.stdout)).toMatchObject({ modelVersion: 'cli-1', accuracy: expect.any(Number), macroF1: expect.any(Number) });
    expect(cv.code, cv.stderr).toBe(0);
    expect(cv.stdout).toContain('3-fold stratified cross-validation');
    const cvJson = lastJson(cv.stdout);
    expect(cvJson.macroF1).toBeGreaterThan(0.3); // 3 folds of ~12 lines per class: a smoke test, not a figure
    expect(cvJson.foldMacroF1).toHaveLength(3);
    expect(dedup.code, dedup.stderr).toBe(0);
    expect(lastJson(dedup.stdout)).toMatchObject({ precision: 1, recall: 1, f1: 1, merged: { precision: expect.any(Number) } });
    expect(dedup.stdout).toContain('merged automatically');
  });

  it('trains on a city’s exported history in CSV, columns found by their header names', async () => {
    const quote = (v: string) => `"${v.replaceAll('"', '""')}"`;
    const rows = readFileSync(small, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { text: string; category: string })
      .map((e, i) => [`2026-${i}`, quote(i === 0 ? `${e.text}，"引号"，\n第二行` : e.text), e.category].join(','));
    const history = file('history.csv', `\uFEFF编号,诉求内容,事项分类\r\n${rows.join('\r\n')}\r\n`);
    const trained = await cli('train', '--data', history, '--out', join(tmp, 'from-csv'), '--json');
    expect(trained.code, trained.stderr).toBe(0);
    expect(lastJson(trained.stdout)).toMatchObject({ examples: rows.length, categories: 19 });
    const noCategory = file('bad.csv', '编号,内容\n1,路灯不亮\n');
    const refused = await cli('train', '--data', noCategory, '--out', join(tmp, 'y'));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('bad.csv:2: missing or empty "category" (or 事项分类');
  });

  it('refuses bad files with the line number and exit code 2', async () => {
    const notJson = file('bad1.jsonl', '{"text":"路灯不亮","category":"a"}\n{not json}\n');
    const missing = file('bad2.jsonl', '{"text":"路灯不亮","category":"a"}\n{"text":"井盖没了"}\n');
    const empty = file('bad3.jsonl', '\n\n');
    const badPair = file('bad4.jsonl', '{"text1":"a","text2":"b","label":2}\n');
    const results = await Promise.all([
      cli('cv', '--data', notJson),
      cli('train', '--data', missing, '--out', join(tmp, 'x')),
      cli('eval', '--model', join(tmp, 'nowhere'), '--data', empty),
      cli('dedup-eval', '--data', badPair),
      cli('cv', '--data', join(tmp, 'missing.jsonl')),
      cli('cv'),
      cli('frobnicate'),
    ]);
    for (const r of results) expect(r.code, r.stderr).toBe(2);
    expect(results[0]!.stderr).toContain('bad1.jsonl:2: not valid JSON');
    expect(results[1]!.stderr).toContain('bad2.jsonl:2: missing or empty "category"');
    expect(results[2]!.stderr).toContain('no data lines');
    expect(results[3]!.stderr).toContain('bad4.jsonl:1: "label" must be 0 or 1');
    expect(results[4]!.stderr).toContain('cannot read file');
    expect(results[5]!.stderr).toContain('missing --data');
    expect(results[6]!.stderr).toContain('unknown command');
  });
});
