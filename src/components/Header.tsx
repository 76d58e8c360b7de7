import { useState } from 'react';
import { LANGUAGES, setLanguage, useLanguage, useT, type Language } from '../i18n/index.ts';
import { BACKENDS, backends, engine, useEngineStatus } from '../engine/index.ts';
import { raise, useStore, type BackendName } from '../store/index.ts';
import { SpecMenu } from './spec/SpecMenu.tsx';
import { statusSentence } from './statusSentence.ts';

function StatusLine() {
  const t = useT();
  const backend = useStore((s) => s.backend);
  return (
    <p className="status" role="status" title={backend.renderer ?? undefined}>
      {statusSentence(backend, t)}
    </p>
  );
}

/** While a frame estimated to take long is computed: its time and a Cancel button (the last result stays). */
function LongWorkNote() {
  const t = useT();
  const seconds = useEngineStatus((status) => status.longWorkSeconds);
  if (seconds === null) return null;
  return (
    <div className="long-work" role="status">
      <span>{t('long.label', { seconds })}</span>
      <button type="button" onClick={() => engine.cancel()}>
        {t('long.cancel')}
      </button>
    </div>
  );
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
      await backends.choose(name);
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
  const language = useLanguage();
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
        <LongWorkNote />
        <BackendSwitch />
        <SpecMenu />
        <CopyLink />
        <LanguageSwitch />
      </div>
    </header>
  );
}
