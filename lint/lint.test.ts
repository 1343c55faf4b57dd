import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { cruise } from 'dependency-cruiser';
import { tableOwner } from './table-owner.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const architecture = require('../.dependency-cruiser.cjs');

/** The rules dependency-cruiser reports as broken when it reads `backend/src` under `baseDir`. */
async function violations(baseDir: string): Promise<string[]> {
  const result = await cruise(['backend/src'], { ...architecture.options, validate: true, ruleSet: { forbidden: architecture.forbidden }, baseDir });
  return result.output.summary.violations.map((v: { rule: { name: string }; from: string; to: string }) => `${v.rule.name}: ${v.from} → ${v.to}`);
}
const fixture = (name: string) => path.join(repo, 'lint', 'fixtures', name);

describe('the layer rules (.dependency-cruiser.cjs)', () => {
  it('pass on the backend as it is', async () => {
    expect(await violations(repo)).toEqual([]);
  });

  it('refuse an upward import: the platform reaching into appeals', async () => {
    expect(await violations(fixture('upward'))).toEqual(['layer-platform: backend/src/platform/db/index.ts → backend/src/appeals/index.ts']);
  });

  it('refuse a sideways import between sibling layers', async () => {
    expect(await violations(fixture('sideways'))).toEqual(['layer-followup: backend/src/followup/index.ts → backend/src/reporting/stats/index.ts']);
  });

  it("refuse reaching past a domain's index.ts into one of its files", async () => {
    expect(await violations(fixture('private-file'))).toEqual(['through-index: backend/src/linkage/accept.ts → backend/src/appeals/schema.ts']);
  });

  it('refuse a cycle, even inside one folder', async () => {
    expect(await violations(fixture('cycle'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^no-circular: backend\/src\/appeals\/(notes|reply)\.ts/)]),
    );
  });

  it('refuse test support in production code', async () => {
    expect(await violations(fixture('test-support'))).toEqual(
      expect.arrayContaining(['no-test-support-in-production: backend/src/appeals/index.ts → backend/src/testing/staff.ts']),
    );
  });
});

describe('hotline/table-owner', () => {
  RuleTester.afterAll = () => {};
  RuleTester.describe = (name, run) => describe(name, run);
  RuleTester.it = (name, run) => it(name, run);
  const tester = new RuleTester({ languageOptions: { parser: tseslint.parser as never, ecmaVersion: 2022, sourceType: 'module' } });
  const at = (file: string) => path.join(repo, 'backend', 'src', file);
  const options = [{ root: path.join(repo, 'backend', 'src') }];

  tester.run('table-owner', tableOwner, {
    valid: [
      { filename: at('appeals/answer.ts'), options, code: "import { appeals } from './schema.ts';\nawait tx.db.update(appeals).set({ status: 'answered' });" },
      { filename: at('followup/survey.ts'), options, code: "import { appeals } from '../appeals/index.ts';\nawait tx.db.select().from(appeals);" },
      {
        filename: at('followup/survey.test.ts'),
        options,
        code: "import { appeals } from '../appeals/index.ts';\nawait db.update(appeals).set({ satisfaction: 5 });",
      },
      { filename: at('testing/staff.ts'), options, code: "import { appeals } from '../appeals/index.ts';\nawait db.insert(appeals).values(rows);" },
      {
        filename: at('platform/audit/record.ts'),
        options,
        code: "import { createHash } from 'node:crypto';\nimport { secret } from '../config/index.ts';\ncreateHash('sha256').update(secret);",
      },
    ],
    invalid: [
      {
        filename: at('followup/survey.ts'),
        options,
        code: "import { appeals } from '../appeals/index.ts';\nawait tx.db.update(appeals).set({ satisfaction: 5 });",
        errors: [{ messageId: 'foreign', data: { table: 'appeals', owner: 'appeals', here: 'followup' } }],
      },
      {
        filename: at('interop/linkage-webhooks/queue.ts'),
        options,
        code: "import { eventSteps } from '../../linkage/index.ts';\nawait tx.insert(eventSteps).values(rows);",
        errors: [{ messageId: 'foreign', data: { table: 'eventSteps', owner: 'linkage', here: 'interop/linkage-webhooks' } }],
      },
      {
        filename: at('appeals/merge.ts'),
        options,
        code: "import { conversations } from '../messaging/index.ts';\nawait tx.db.execute(sql`update ${conversations} set status = 'closed'`);",
        errors: [{ messageId: 'foreign', data: { table: 'conversations', owner: 'messaging', here: 'appeals' } }],
      },
    ],
  });
});
