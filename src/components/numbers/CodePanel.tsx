import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  CODE_LANGUAGE_NAMES,
  CODE_LANGUAGES,
  generateNetworkCode,
  type CodeImage,
  type CodeLanguage,
} from '../../codegen/index.ts';
import { useT } from '../../i18n/index.ts';
import { findSample } from '../../image/samples.ts';
import { type ImageMeta, useStore } from '../../store/index.ts';
import { useGeometries } from '../useGeometry.ts';
import { copyText } from './copyText.ts';

/** What the snippet should open: the sample's file (and crop), or the person's own file by its name. */
function codeImage(image: ImageMeta): CodeImage {
  const size = `${image.height} × ${image.width}`;
  const sample = image.source === 'sample' && image.sampleId ? findSample(image.sampleId) : undefined;
  if (sample) {
    return {
      file: sample.file,
      label: `sample "${sample.id}" (${sample.label}), H × W = ${size}`,
      crop: sample.crop ?? null,
    };
  }
  const file =
    image.source === 'paste' || image.source === 'webcam'
      ? `${image.source === 'webcam' ? 'webcam' : 'image'}.png`
      : image.name.replace(/['\\\n\r]/g, '_');
  return { file, label: `your image "${file}", H × W = ${size}`, crop: null };
}

/**
 * The whole network (a single layer's code when it has one layer) as TensorFlow.js, Keras or PyTorch
 * code, in tabs, each with a Copy button.
 */
export function CodePanel() {
  const t = useT();
  const id = useId();
  const network = useStore((s) => s.network);
  const image = useStore((s) => s.image);
  const geometries = useGeometries();
  const [language, setLanguage] = useState<CodeLanguage>('tfjs');
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const tabs = useRef<Record<CodeLanguage, HTMLButtonElement | null>>({
    tfjs: null,
    keras: null,
    pytorch: null,
  });

  const code = useMemo(
    () => (image && geometries ? generateNetworkCode(language, network, geometries, codeImage(image)) : ''),
    [language, network, geometries, image],
  );
  if (!image || !geometries) return null;

  const choose = (next: CodeLanguage) => {
    setLanguage(next);
    setCopied(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const i = CODE_LANGUAGES.indexOf(language);
    const n = CODE_LANGUAGES.length;
    let next: CodeLanguage | undefined;
    if (event.key === 'ArrowRight') next = CODE_LANGUAGES[(i + 1) % n];
    else if (event.key === 'ArrowLeft') next = CODE_LANGUAGES[(i + n - 1) % n];
    else if (event.key === 'Home') next = CODE_LANGUAGES[0];
    else if (event.key === 'End') next = CODE_LANGUAGES[n - 1];
    if (!next) return;
    event.preventDefault();
    choose(next);
    tabs.current[next]?.focus();
  };
  const onCopy = async () => {
    const ok = await copyText(code);
    setCopied(ok ? 'yes' : 'failed');
    if (ok) setTimeout(() => setCopied(null), 2000);
  };
  const name = CODE_LANGUAGE_NAMES[language];

  return (
    <section className="panel code" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('code.heading')}</h2>
      <p className="numbers-note">
        {network.layers.length > 1 ? t('code.noteNetwork', { count: network.layers.length }) : t('code.note')}
      </p>
      <div className="code-bar">
        <div role="tablist" aria-label={t('code.languages')} className="code-tabs">
          {CODE_LANGUAGES.map((l) => (
            <button
              key={l}
              ref={(el) => {
                tabs.current[l] = el;
              }}
              type="button"
              role="tab"
              id={`${id}-tab-${l}`}
              aria-selected={l === language}
              aria-controls={`${id}-panel`}
              tabIndex={l === language ? 0 : -1}
              onClick={() => choose(l)}
              onKeyDown={onKeyDown}
            >
              {CODE_LANGUAGE_NAMES[l]}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="code-copy"
          aria-label={t('code.copyLabel', { language: name })}
          onClick={() => void onCopy()}
        >
          {copied === 'yes' ? t('code.copied') : t('code.copy')}
        </button>
        <span className="code-copy-status" aria-live="polite">
          {copied === 'failed' ? t('code.copyFailed') : ''}
        </span>
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${language}`}>
        <pre className="code-block" tabIndex={0}>
          <code>{code}</code>
        </pre>
      </div>
    </section>
  );
}
