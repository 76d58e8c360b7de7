import { useState } from 'react';
import { LANGUAGES, useT, type Language } from '../i18n/index.ts';
import { setLanguage, useStore } from '../store/index.ts';
import { SpecMenu } from './spec/SpecMenu.tsx';

function StatusLine() {
  const t = useT();
  const backend = useStore((s) => s.backend);
  let text = t('status.loading');
  if (backend.name && backend.reason === 'fallback') {
    text = t('status.fallback', { backend: backend.name, reason: backend.detail ?? '?' });
  } else if (backend.name && backend.reason === 'forced') {
    text = t('status.forced', { backend: backend.name });
  } else if (backend.name) {
    text = t('status.backend', { backend: backend.name });
  }
  return (
    <p className="status" role="status">
      {text}
    </p>
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
        <SpecMenu />
        <CopyLink />
        <LanguageSwitch />
      </div>
    </header>
  );
}
