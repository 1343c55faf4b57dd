/** The backend's layers, read by .dependency-cruiser.cjs and scripts/import-graph.mjs (and drawn in docs/architecture.md). */

/** Layers bottom-up. A layer may import only from the layers before it; the last ones are the edges that wire everything. */
const LAYERS = [
  ['platform'],
  ['reference'],
  ['identity'],
  ['messaging'],
  ['intake'],
  ['appeals'],
  ['triage'],
  ['routing'],
  ['linkage'],
  // Siblings: none of the three may import another.
  ['followup', 'reporting', 'interop'],
  ['demo', 'web'],
];

/** Layers whose domains are their subfolders (platform/db, reference/territory…); every other layer is one domain. */
const GROUPED = ['platform', 'reference', 'identity', 'reporting', 'interop', 'web'];

module.exports = { LAYERS, GROUPED };
