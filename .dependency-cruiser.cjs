/**
 * The backend's architecture as rules (`npm run lint`, `npm run graph`): layers bottom-up, each
 * importing only from below; a domain's files reached only through its index.ts; no cycles.
 * docs/architecture.md draws the same picture.
 */

const { LAYERS, GROUPED } = require('./lint/layers.cjs');

const src = 'backend/src';
const anyOf = (names) => `^${src}/(${names.join('|')})/`;

const layerRules = LAYERS.flatMap((layer, i) => {
  const higher = LAYERS.slice(i + 1).flat();
  return layer.map((name) => ({
    name: `layer-${name}`,
    comment: `${name} may import only from the layers below it (${LAYERS.slice(0, i).flat().join(', ') || 'none'})`,
    severity: 'error',
    from: { path: `^${src}/${name}/`, pathNot: '\\.test\\.ts$' },
    // Siblings in one layer stay apart too; the composition root (server.ts, main.ts), tools and testing are above every layer.
    to: {
      path: [anyOf(higher), anyOf(layer.filter((other) => other !== name)), `^${src}/(tools|testing)/`, `^${src}/[^/]+\\.ts$`].filter((p) => !p.includes('()')),
    },
  }));
});

/** Within a domain anything goes; from outside, only its face. Type-only imports count too. */
const faceRules = [
  {
    name: 'through-index-grouped',
    comment: 'a file of another domain is reached through that domain’s index.ts',
    severity: 'error',
    from: { path: `^(${src}/(?:${GROUPED.join('|')})/[^/]+)/` },
    to: { path: `^${src}/`, pathNot: ['^$1/', '/index\\.ts$', `^${src}/testing/`, `^${src}/[^/]+\\.ts$`] },
  },
  {
    name: 'through-index',
    comment: 'a file of another domain is reached through that domain’s index.ts',
    severity: 'error',
    from: { path: `^(${src}/(?!(?:${GROUPED.join('|')}|testing|tools)/)[^/]+)/` },
    to: { path: `^${src}/`, pathNot: ['^$1/', '/index\\.ts$', `^${src}/testing/`, `^${src}/[^/]+\\.ts$`] },
  },
];

module.exports = {
  forbidden: [
    { name: 'no-circular', comment: 'folders import each other in one direction only', severity: 'error', from: {}, to: { circular: true } },
    ...layerRules,
    ...faceRules,
    {
      name: 'no-test-support-in-production',
      comment: 'fixtures and test helpers live under testing/, used by tests only',
      severity: 'error',
      from: { path: `^${src}/`, pathNot: [`^${src}/testing/`, '\\.test\\.ts$'] },
      to: { path: `^${src}/testing/` },
    },
    {
      name: 'packages-below-backend',
      comment: 'channels and nlp are libraries: they know nothing of the backend',
      severity: 'error',
      from: { path: '^(channels|nlp)/' },
      to: { path: '^(backend|agent-console|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    // Type-only imports are dependencies too: a layer may not even name an upper layer's types.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'default'] },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
