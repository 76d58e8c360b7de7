import { useState } from 'react';
import { LANGUAGES, useT, type Language } from '../i18n/index.ts';
import { BACKENDS, engine, switchBackend } from '../engine/index.ts';
import { raise, setBackendStatus, setLanguage, store, useStore, type BackendName } from '../store/index.ts';
import { SpecMenu } from './spec/SpecMenu.tsx';

function StatusLine() {
  const t = useT();
  const backend = useStore((s) => s.backend);
  let text = t('status.loading');
  if (backend.name) {
    const name = backend.name;
    switch (backend.reason) {
      case 'fallback':
        text = t('status.fallback', { backend: name, reason: backend.detail ?? '?' });
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
      case 'measured':
        text = t('status.measured', { backend: name, detail: backend.detail ?? '' });
        break;
      default:
        text = t('status.backend', { backend: name });
    }
  }
  const software =
    backend.software && backend.renderer
      ? t('status.software', { renderer: shortRenderer(backend.renderer) })
      : null;
  return (
    <p className="status" role="status" title={backend.renderer ?? undefined}>
      {text}
      {software && <span className="status-note">{software}</span>}
    </p>
  );
}

/** "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) ...))" -> "SwiftShader". */
function shortRenderer(renderer: string): string {
  const known = /swiftshader|llvmpipe|softpipe/i.exec(renderer);
  return known ? (known[0].toLowerCase() === 'swiftshader' ? 'SwiftShader' : known[0]) : renderer;
}

/** Switch the tfjs backend by hand; the engine recomputes on the new one. */
function BackendSwitch() {
  const t = useT();
  const backend = useStore((s) => s.backend);
  const [busy, setBusy] = useState(false);
  if (!backend.name) return null;
  const onPick = async (name: BackendName) => {
    setBusy(true);
    try {
      await engine.moveTo(async () => {
        setBackendStatus(await switchBackend(name, store.getState().backend));
      });
    } catch (error) {
      raise({ key: 'error.switch', params: { backend: name, detail: (error as Error).message } });
    } finally {
      setBusy(false);
    }
  };
  return (
    <label className="backend-switch">
      <span className="visually-hidden">{t('backend.label')}</span>
      <select
        aria-label={t('backend.label')}
        value={backend.name}
        disabled={busy}
        onChange={(e) => void onPick(e.target.value as BackendName)}
      >
        {BACKENDS.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}

function LanguageSwitch() {
  const t = useT();
  const language = useStore((s) => s.language);
  return (
    <label className="language">
      <span className="visually-hidden">{t('language.label')}</span>
      <select
        aria-label={t('language.label')}
        value={language}
        onChange={(e) => setLanguage(e.target.value as Language)}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {t(l === 'en' ? 'language.en' : 'language.ko')}
          </option>
        ))}
      </select>
    </label>
  );
}

function CopyLink() {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  };
  return (
    <button type="button" onClick={() => void onCopy()}>
      {copied ? t('share.copied') : t('share.copy')}
    </button>
  );
}

export function Header() {
  const t = useT();
  return (
    <header className="app-header">
      <div className="brand">
        <h1>{t('app.title')}</h1>
        <p className="tagline">{t('app.tagline')}</p>
      </div>
      <div className="header-tools">
        <StatusLine />
        <BackendSwitch />
        <SpecMenu />
        <CopyLink />
        <LanguageSwitch />
      </div>
    </header>
  );
}
