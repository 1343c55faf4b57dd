// The backend's folder-level import graph (production code: no tests, no testing/ or tools/), one
// line per domain folder in layer order, then its cycles. `npm run graph`; exits 1 on a cycle.
import { createRequire } from 'node:module';
import { cruise } from 'dependency-cruiser';

const require = createRequire(import.meta.url);
const { options } = require('../.dependency-cruiser.cjs');
const { LAYERS, GROUPED } = require('../lint/layers.cjs');

const src = 'backend/src';
const result = await cruise([src], {
  ...options,
  includeOnly: `^${src}`,
  exclude: { path: `\\.test\\.ts$|^${src}/(testing|tools)/` },
  collapse: `^${src}/(${GROUPED.join('|')})/[^/]+|^${src}/[^/]+`,
});

const name = (path) => path.slice(src.length + 1);
const graph = new Map();
for (const module of result.output.modules) {
  graph.set(name(module.source), new Set(module.dependencies.map((d) => name(d.resolved)).filter((to) => to !== name(module.source))));
}

/** Folders in layer order (the layer list, then the composition root), each layer's domains sorted. */
const rank = (folder) => {
  const top = folder.split('/')[0];
  const i = LAYERS.findIndex((layer) => layer.includes(top));
  return i === -1 ? LAYERS.length : i;
};
const folders = [...graph.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
for (const folder of folders) console.log(`${folder.padEnd(28)} → ${[...graph.get(folder)].sort().join(', ') || '(nothing)'}`);

// Tarjan's strongly connected components: a component of two or more folders is a cycle.
let index = 0;
const seen = new Map();
const low = new Map();
const stack = [];
const cycles = [];
const visit = (v) => {
  seen.set(v, index);
  low.set(v, index++);
  stack.push(v);
  for (const w of graph.get(v) ?? []) {
    if (!seen.has(w)) {
      visit(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (stack.includes(w)) low.set(v, Math.min(low.get(v), seen.get(w)));
  }
  if (low.get(v) === seen.get(v)) {
    const component = [];
    let w;
    do component.push((w = stack.pop()));
    while (w !== v);
    if (component.length > 1) cycles.push(component);
  }
};
for (const v of graph.keys()) if (!seen.has(v)) visit(v);
console.log(`\n${folders.length} folders, ${[...graph.values()].reduce((n, s) => n + s.size, 0)} folder-to-folder imports, ${cycles.length} cycles`);
for (const cycle of cycles) console.log(`cycle: ${cycle.join(' → ')}`);
process.exit(cycles.length ? 1 : 0);
