/**
 * The status line's text: one sentence from one decision (the backend and why), so it never says
 * "the fastest" beside a note that another is faster. A software WebGL is named inside the measured
 * sentences; after the other decisions it is noted as a plain fact.
 */
import type { Translate } from '../i18n/index.ts';
import type { BackendStatus } from '../store/index.ts';

/** "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) ...))" -> "SwiftShader". */
export function shortRenderer(renderer: string): string {
  const known = /swiftshader|llvmpipe|softpipe/i.exec(renderer);
  return known ? (known[0].toLowerCase() === 'swiftshader' ? 'SwiftShader' : known[0]) : renderer;
}

export function statusSentence(backend: BackendStatus, t: Translate): string {
  const name = backend.name;
  if (!name) return t('status.loading');
  const renderer = shortRenderer(backend.renderer ?? 'WebGL');
  const detail = backend.detail ?? '';
  let text: string;
  switch (backend.reason) {
    case 'measured':
      switch (backend.why) {
        case 'software':
          return t('status.measuredSoftware', { backend: name, renderer, detail });
        case 'margin':
          return t('status.measuredMargin', { renderer, rival: backend.rival ?? '?', detail });
        case 'only':
          text = t('status.measuredOnly', { backend: name, detail });
          break;
        default:
          text = t('status.measured', { backend: name, detail });
      }
      break;
    case 'fallback':
      text = t('status.fallback', { backend: name, reason: detail || '?' });
      break;
    case 'forced':
      text = t('status.forced', { backend: name });
      break;
    case 'chosen':
      text = t('status.chosen', { backend: name });
      break;
    case 'lost':
      text = t('status.lost', { backend: name });
      break;
    case 'restored':
      text = t('status.restored', { backend: name });
      break;
    default:
      text = t('status.backend', { backend: name });
  }
  return backend.software && backend.renderer ? `${text}. ${t('status.software', { renderer })}` : text;
}
