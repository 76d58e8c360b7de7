import { useT } from '../i18n/index.ts';
import { dismissError, useStore } from '../store/index.ts';

/** The one place errors are shown: role alert, in the page's language, dismissable. */
export function ErrorAlert() {
  const t = useT();
  const error = useStore((s) => s.error);
  if (!error) return null;
  return (
    <div className="alert" role="alert">
      <span>{t(error.key, error.params)}</span>
      <button type="button" onClick={dismissError}>
        {t('error.dismiss')}
      </button>
    </div>
  );
}
