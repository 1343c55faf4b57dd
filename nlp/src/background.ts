import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator } from './location.ts';
import { TermStats, represent } from './similarity.ts';

export const CORPUS_FILE = join(dirname(fileURLToPath(import.meta.url)), 'corpus', 'appeals.jsonl');

/** Term statistics of the shipped corpus, a background for IDF so small pair files score sensibly. */
export function backgroundStats(locator: Locator, stats = new TermStats()): TermStats {
  const file = CORPUS_FILE;
  if (!existsSync(file)) return stats;
  const labelled: { ids: number[]; label: string }[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const { text, category } = JSON.parse(line) as { text: string; category: string };
    const rep = represent(text, { stats, locator });
    const ids = [...rep.words, ...rep.grams, ...rep.chars];
    stats.addDoc(new Set(ids));
    labelled.push({ ids, label: category });
  }
  stats.learnSpecificity(labelled);
  return stats;
}
