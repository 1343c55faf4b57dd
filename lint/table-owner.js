// @ts-check
/**
 * ESLint rule `hotline/table-owner`: each table has one owner that writes it. `db.insert(t)`,
 * `db.update(t)`, `db.delete(t)` and raw `sql\`update ${t}\`` are allowed only in the domain
 * folder whose schema.ts defines the table; every other folder reads it, or calls the owner's verbs.
 * Tests, testing/ fixtures and tools/ are left alone.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Layers whose domains are their subfolders; every other top folder of backend/src is one domain. */
const GROUPED = new Set(['platform', 'reference', 'identity', 'reporting', 'interop', 'web']);
const EXEMPT = new Set(['testing', 'tools']);
const WRITES = new Set(['insert', 'update', 'delete']);
const RAW_WRITE = /\b(update|insert\s+into|delete\s+from)\s*$/i;

/** The domain folder (relative to backend/src) a path belongs to, or undefined outside the layered tree. */
export function domainOf(relative) {
  const parts = relative.split(path.sep);
  if (parts.length < 2 || EXEMPT.has(parts[0])) return undefined;
  return GROUPED.has(parts[0]) && parts.length > 2 ? parts.slice(0, 2).join('/') : parts[0];
}

const tablesCache = new Map();
/** Tables defined (`export const x = pgTable(`) by the schema files of a domain folder. */
function tablesOf(folder) {
  if (!tablesCache.has(folder)) {
    const names = new Set();
    const walk = (dir) => {
      for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name === 'schema.ts') for (const m of fs.readFileSync(full, 'utf8').matchAll(/export const (\w+) = pgTable\(/g)) names.add(m[1]);
      }
    };
    walk(folder);
    tablesCache.set(folder, names);
  }
  return tablesCache.get(folder);
}

/** @type {import('eslint').Rule.RuleModule} */
export const tableOwner = {
  meta: {
    type: 'problem',
    docs: { description: 'a table is written only by the domain whose schema.ts defines it' },
    messages: { foreign: 'table `{{table}}` belongs to {{owner}}: write it through a verb of {{owner}}, not from {{here}}' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
  },
  create(context) {
    const root = path.resolve(context.cwd, context.options[0]?.root ?? 'backend/src');
    const file = context.filename;
    const relative = path.relative(root, file);
    if (relative.startsWith('..') || /\.test\.ts$/.test(file)) return {};
    const here = domainOf(relative);
    if (!here) return {};
    /** local name → the domain folder it is imported from (relative imports only). */
    const imported = new Map();
    const check = (node, name) => {
      const owner = imported.get(name);
      if (!owner || owner === here || !tablesOf(path.join(root, owner)).has(name)) return;
      context.report({ node, messageId: 'foreign', data: { table: name, owner, here } });
    };
    return {
      ImportDeclaration(node) {
        const source = String(node.source.value);
        if (!source.startsWith('.')) return;
        const owner = domainOf(path.relative(root, path.resolve(path.dirname(file), source)));
        for (const specifier of node.specifiers) if (owner) imported.set(specifier.local.name, owner);
      },
      CallExpression(node) {
        const { callee } = node;
        const [table] = node.arguments;
        if (callee.type === 'MemberExpression' && callee.property.type === 'Identifier' && WRITES.has(callee.property.name) && table?.type === 'Identifier')
          check(node, table.name);
      },
      TaggedTemplateExpression(node) {
        if (node.tag.type !== 'Identifier' || node.tag.name !== 'sql') return;
        node.quasi.expressions.forEach((expression, i) => {
          if (expression.type === 'Identifier' && RAW_WRITE.test(node.quasi.quasis[i].value.raw)) check(expression, expression.name);
        });
      },
    };
  },
};

export default { rules: { 'table-owner': tableOwner } };
