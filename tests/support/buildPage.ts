/**
 * Building the page as users get it (`vite build` with NODE_ENV=production, in a child process) and finding
 * a port to serve it on. Used by the e2e global setup and by the bench's cold-start measurement.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** `vite build` of appRoot into outDir, as a production build; rejects with the end of its output. */
export async function buildApp(appRoot: string, outDir: string): Promise<void> {
  if (!existsSync(path.join(appRoot, 'index.html'))) {
    throw new Error(`There is no page to test yet: ${path.join(appRoot, 'index.html')} does not exist.`);
  }
  const viteBin = path.join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const args = [viteBin, 'build', appRoot, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'];
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: appRoot,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (code !== 0) {
    const tail = output.join('').trim().split('\n').slice(-40).join('\n');
    throw new Error(`\`vite build\` of the page failed (exit ${code}):\n${tail}`);
  }
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('no free port on 127.0.0.1'))));
    });
  });
}
