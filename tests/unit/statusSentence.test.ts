/**
 * The status line says one thing per decision (src/components/statusSentence.ts): never "the fastest"
 * beside a note that another backend is faster, in English and Korean.
 */
import { describe, expect, it } from 'vitest';
import { statusSentence } from '../../src/components/statusSentence.ts';
import { chooseBackend, formatMedians } from '../../src/engine/backendChoice.ts';
import { translate, type Language } from '../../src/i18n/index.ts';
import type { BackendStatus } from '../../src/store/index.ts';

const SWIFTSHADER =
  'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
const GPU = 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)';

function measured(samples: Parameters<typeof chooseBackend>[0], software: boolean): BackendStatus {
  const c = chooseBackend(samples, software);
  return {
    name: c.name,
    reason: 'measured',
    detail: formatMedians(c.medians),
    renderer: software ? SWIFTSHADER : GPU,
    software,
    why: c.why,
    rival: c.rival,
  };
}

const CASES: Array<[string, BackendStatus]> = [
  ['software tie', measured({ webgl: [22, 22, 22], wasm: [22, 22, 22], cpu: [34, 34, 34] }, true)],
  ['software margin', measured({ webgl: [10, 10, 10], wasm: [20, 21, 20], cpu: [40, 40, 40] }, true)],
  ['hardware tie', measured({ webgl: [22, 22, 22], wasm: [22, 22, 22] }, false)],
  ['hardware wasm', measured({ webgl: [40, 40, 40], wasm: [20, 20, 20] }, false)],
  ['only cpu', measured({ cpu: [30] }, true)],
  [
    'forced webgl on software',
    { name: 'webgl', reason: 'forced', detail: null, renderer: SWIFTSHADER, software: true },
  ],
  [
    'chosen wasm on software',
    { name: 'wasm', reason: 'chosen', detail: null, renderer: SWIFTSHADER, software: true },
  ],
];

/** Claims a sentence makes: which backend it calls fastest or uses, and which it calls slower or faster. */
function contradictions(text: string, chosen: string): string[] {
  const found: string[] = [];
  if (/fastest|가장 빠름/.test(text) && /slower|느립니다|faster than|빨랐/.test(text))
    found.push('"fastest" beside a comparison');
  if (/slower than wasm/.test(text) && chosen === 'webgl') found.push('webgl used, yet "slower than wasm"');
  const named = [...text.matchAll(/(?:Backend|백엔드): (webgl|wasm|cpu)/g)].map((m) => m[1]);
  if (named.some((n) => n !== chosen)) found.push(`names ${named.join(', ')} but uses ${chosen}`);
  return found;
}

describe('statusSentence', () => {
  for (const language of ['en', 'ko'] as Language[]) {
    const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
      translate(language, key, params);
    for (const [label, status] of CASES) {
      it(`${language}: ${label} — one decision, no contradiction`, () => {
        const text = statusSentence(status, t);
        expect(contradictions(text, status.name ?? ''), text).toEqual([]);
        expect(text).toContain(status.name ?? '');
        if (status.software) expect(text, 'a software WebGL is named').toContain('SwiftShader');
      });
    }
  }

  it('says why in English for each measured reason', () => {
    const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
      translate('en', key, params);
    expect(statusSentence(CASES[0]![1], t)).toMatch(
      /^Backend: wasm\. WebGL here is software rendering \(SwiftShader\)/,
    );
    expect(statusSentence(CASES[1]![1], t)).toMatch(
      /^Backend: webgl\. .*at least 1\.5× faster than wasm in every sample/,
    );
    expect(statusSentence(CASES[2]![1], t)).toMatch(/^Backend: webgl, the fastest here/);
    expect(statusSentence(CASES[4]![1], t)).toMatch(/the only one that started/);
  });
});
