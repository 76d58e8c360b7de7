/**
 * `--profile FILE`: a CPU profile of a bench page through the Chrome DevTools Protocol, written as a
 * .cpuprofile (Chrome DevTools' Performance panel opens it), and the functions with the most self time
 * printed: where an edit's time goes, without guessing.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Starts profiling `page`; the returned function stops, writes `file` and prints the top functions. */
export async function startProfile(page: Page, file: string): Promise<() => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    writeFileSync(file, JSON.stringify(profile));
    const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    let total = 0;
    profile.samples.forEach((id, i) => {
      const node = byNode.get(id);
      const dt = profile.timeDeltas[i] ?? 0;
      total += dt;
      if (!node) return;
      const { functionName, url, lineNumber } = node.callFrame;
      const where = url ? `${url.replace(/^.*\/(?=[^/]+$)/, '').replace(/\?.*$/, '')}:${lineNumber + 1}` : '';
      const name = `${functionName || '(anonymous)'} ${where}`.trim();
      self.set(name, (self.get(name) ?? 0) + dt);
    });
    console.error(`profile: ${(total / 1000).toFixed(0)} ms sampled, written to ${file}; most self time:`);
    for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
      console.error(
        `  ${(us / 1000).toFixed(1).padStart(9)} ms  ${((100 * us) / total).toFixed(1).padStart(5)}%  ${name}`,
      );
    }
    await cdp.detach();
  };
}
