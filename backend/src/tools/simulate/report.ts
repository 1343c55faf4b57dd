import type { Progress, SimulationReport } from './simulate.ts';
import { formatTable } from './stats.ts';

export function formatProgress(p: Progress): string {
  return `[${p.elapsedSeconds.toFixed(1).padStart(6)}s] ${p.started}/${p.planned} started · ${p.ok} ok · ${p.errors} errors · ${p.inFlight} in flight`;
}

function formatErrors(r: SimulationReport): string[] {
  if (!r.firstErrors.length) return [];
  const lines = [`First ${r.firstErrors.length} of ${r.errors} errors:`];
  for (const e of r.firstErrors) {
    lines.push(`  ${e.channel} · ${e.step} → ${e.status ?? 'no answer'}: ${e.message}`);
    if (e.body) lines.push(`      ${e.body.replace(/\s+/g, ' ')}`);
  }
  return lines;
}

/** The summary: what ran, the per-channel table, rates, and the first errors with their answers. */
export function formatReport(r: SimulationReport): string {
  const mix = Object.entries(r.mix)
    .filter(([, w]) => w > 0)
    .map(([c, w]) => `${c} ${w}`)
    .join(', ');
  return [
    '',
    `${r.aborted ? 'Stopped early: ' : ''}${r.started} of ${r.planned} appeals at ${r.targetRate}/s against ${r.url} (signed for ${r.publicUrl}), seed ${r.seed}, mix ${mix}`,
    '',
    formatTable(r.channels, r.overall),
    '',
    `achieved rate ${r.achievedRate.toFixed(2)} appeals/s (target ${r.targetRate}) · throughput ${r.throughput.toFixed(2)} ok/s · ${r.elapsedSeconds.toFixed(1)} s · ${r.requests} requests` +
      ` · ${r.lateStarts} late starts (max lag ${r.maxStartLagMs} ms)`,
    'latency: from sending the request to the answer that carries the case number (voice: the spoken report step)',
    ...formatErrors(r),
  ].join('\n');
}
