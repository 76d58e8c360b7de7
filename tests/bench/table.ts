/** The bench's printed report: one markdown table row per case, one column per way of computing it. */
import type { Column } from './cases.ts';
import type { ColdStart } from './coldStart.ts';
import { caseName, type BenchCase, type CellResult, type LeakResult, type PageInfo } from './types.ts';

export type Cell = CellResult | { error: string };
export type Results = Record<string, Record<string, Cell>>;

export interface Report {
  chromium: string;
  node: string;
  cpus: string;
  columns: (Column & { info?: PageInfo; error?: string })[];
  cases: BenchCase[];
  results: Results;
  leaks: (LeakResult & { backend: string; case: string })[];
  cold?: ColdStart | { error: string };
  seconds: number;
}

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const ok = (cell: Cell | undefined): cell is CellResult => !!cell && !('error' in cell);

function timing(cell: Cell | undefined): string {
  if (!cell) return '—';
  if (!ok(cell)) return 'error';
  if (cell.skipped) return `≥ ${fmt(cell.timing.median)} (1 edit)`;
  return `${fmt(cell.timing.median)} / ${fmt(cell.timing.p95)}`;
}

/** The column's median over Kernelscope's: above 1, Kernelscope is faster. */
function ratio(cell: Cell | undefined, ks: Cell | undefined): string {
  if (!ok(cell) || !ok(ks)) return '';
  // A skipped cell is a lower bound: two of them make no ratio; one bounds it from one side.
  if (cell.skipped && ks.skipped) return '';
  const r = cell.timing.median / ks.timing.median;
  const bound = cell.skipped ? '≥ ' : ks.skipped ? '≤ ' : '';
  return ` (${bound}${r >= 10 ? r.toFixed(0) : r.toPrecision(2)}×)`;
}

export function table(report: Report): string {
  const [ks, ...others] = report.columns;
  if (!ks) return '(no columns)';
  const ksTitle = `${ks.title}${ks.info ? ` (${ks.info.backend})` : ''} med / p95 ms`;
  // Readbacks and tensors of the page columns: Kernelscope, and Kernelscope forced to webgl if it ran.
  const pages = report.columns.filter((c) => c.id === 'ks' || c.id === 'ks-webgl');
  const pageNames = pages.map((c) => c.info?.backend ?? c.id).join(' / ');
  const header = [
    'case',
    ksTitle,
    ...others.map((c) => `${c.title} med / p95 ms (÷ KS)`),
    `readbacks/edit (${pageNames})`,
    `tensors before→after (${pageNames})`,
  ];
  const rows = report.cases.map((c) => {
    const name = caseName(c);
    const mine = report.results[ks.id]?.[name];
    return [
      name,
      timing(mine),
      ...others.map((col) => {
        const cell = report.results[col.id]?.[name];
        return `${timing(cell)}${ratio(cell, mine)}`;
      }),
      pages
        .map((p) => report.results[p.id]?.[name])
        .map((cell) =>
          ok(cell) && cell.readbacksPerEdit !== undefined ? String(+cell.readbacksPerEdit.toFixed(2)) : '—',
        )
        .join(' / '),
      pages
        .map((p) => report.results[p.id]?.[name])
        .map((cell) => (ok(cell) && cell.tensors ? `${cell.tensors[0]}→${cell.tensors[1]}` : '—'))
        .join(' / '),
    ];
  });
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

export function summary(report: Report): string {
  const lines: string[] = [];
  const ksInfo = report.columns[0]?.info;
  const renderer = report.columns.find((c) => c.info && c.info.renderer !== 'n/a')?.info?.renderer ?? '?';
  lines.push(`Chromium ${report.chromium}, Node ${report.node}, ${report.cpus}`);
  lines.push(`WebGL renderer: ${renderer}`);
  if (ksInfo)
    lines.push(
      `Kernelscope's backend: ${ksInfo.backend} (reason: ${ksInfo.reason ?? 'default'}${ksInfo.detail ? `; ${ksInfo.detail}` : ''})`,
    );
  const cv = report.columns.find((c) => c.info?.opencv)?.info?.opencv;
  if (cv)
    lines.push(
      `OpenCV.js ${cv.version} (CPU baseline: ${cv.baseline}): opencv.js loaded and compiled in ${fmt(cv.loadMs)} ms; ` +
        `largest |OpenCV − reference loop| on 64² cases: ${cv.maxAbsDiff.toPrecision(2)}`,
    );
  for (const c of report.columns) if (c.error) lines.push(`Column ${c.title} failed: ${c.error}`);
  const counts = Object.values(report.results).flatMap((byCase) =>
    Object.values(byCase)
      .filter(ok)
      .map((cell) => cell.timing.samples.length),
  );
  if (counts.length)
    lines.push(`Timed edits per cell: ${Math.min(...counts)}–${Math.max(...counts)} (after warm-up edits).`);
  lines.push('');
  lines.push(table(report));
  lines.push('');
  for (const [id, byCase] of Object.entries(report.results))
    for (const [name, cell] of Object.entries(byCase))
      if (!ok(cell)) lines.push(`${id} ${name}: ${cell.error.split('\n')[0]}`);
  lines.push(...fastestBackendLines(report));
  for (const { before, after, edits, backend, case: leakCase, gpuBytes } of report.leaks) {
    const [bytesBefore, bytesAfter] = gpuBytes ?? [0, 0];
    const textures =
      bytesBefore || bytesAfter ? `; texture bytes ${bytesBefore} before, ${bytesAfter} after` : '';
    const leaked = after > before || bytesAfter > bytesBefore;
    lines.push(
      `Tensors (Kernelscope on ${backend}, ${leakCase}): ${before} before, ${after} after ${edits} ` +
        `edits, image and kernel-size changes${textures} (${leaked ? `LEAK: ${after - before} tensors, ${bytesAfter - bytesBefore} bytes` : 'no leak'})`,
    );
  }
  const cold = report.cold;
  if (cold && 'error' in cold) lines.push(`Cold start failed: ${cold.error.split('\n')[0]}`);
  else if (cold) {
    lines.push(
      `Cold start (built page, fresh context, ${cold.firstFrame.samples.length} loads): first feature map ` +
        `${fmt(cold.firstFrame.median)} ms median (${cold.firstFrame.samples.map(fmt).join(', ')}), ` +
        `first contentful paint ${fmt(cold.firstPaint.median)} ms; status: "${cold.status}"`,
    );
    lines.push(
      `JS shipped: ${kb(cold.jsGzip)} gzip (${kb(cold.jsBytes)} raw) in ` +
        `${cold.assets.filter((a) => a.file.endsWith('.js')).length} files; .wasm ${kb(cold.wasmGzip)} gzip; ` +
        `build ${cold.buildSeconds.toFixed(0)} s`,
    );
    for (const a of cold.assets) lines.push(`  ${a.file}: ${kb(a.bytes)} raw, ${kb(a.gzip)} gzip`);
  }
  lines.push(`Total runtime ${report.seconds.toFixed(0)} s.`);
  return lines.join('\n');
}

const BACKEND_COLUMNS = ['cpu', 'wasm', 'webgl'];

/**
 * Per case, Kernelscope's median over the fastest tfjs backend alone (src/core, no page) in the same run:
 * the issue's "within 1.2× of the fastest backend" (below 1: the page is the faster).
 */
function fastestBackendLines(report: Report): string[] {
  const ks = report.columns[0];
  if (ks?.id !== 'ks') return [];
  return report.cases.flatMap((c) => {
    const name = caseName(c);
    const mine = report.results[ks.id]?.[name];
    const alone = BACKEND_COLUMNS.map((id) => ({ id, cell: report.results[id]?.[name] })).filter(
      (a): a is { id: string; cell: CellResult } => ok(a.cell) && !a.cell.skipped,
    );
    const best = alone.sort((a, b) => a.cell.timing.median - b.cell.timing.median)[0];
    if (!ok(mine) || !best) return [];
    const r = mine.timing.median / best.cell.timing.median;
    return [`${name}: Kernelscope ÷ the fastest backend alone (tfjs ${best.id}) = ${r.toFixed(2)}×`];
  });
}

export function legend(columns: readonly Column[]): string {
  return columns.map((c) => `- ${c.title}: ${c.what}`).join('\n');
}
