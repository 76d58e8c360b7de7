import { useId } from 'react';
import { useT } from '../../i18n/index.ts';
import { importSpecFile } from '../../store/index.ts';

/**
 * "Import spec": a JSON file, a layer spec or a network `{layers}`, checked with parseNetwork against the
 * image; a bad one raises an alert and changes nothing.
 */
export function ImportSpec() {
  const t = useT();
  const id = useId();
  return (
    <>
      <label className="button" htmlFor={id}>
        {t('spec.import')}
      </label>
      <input
        id={id}
        className="visually-hidden"
        type="file"
        accept=".json,application/json"
        aria-label={t('spec.import')}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void importSpecFile(file);
          e.target.value = '';
        }}
      />
    </>
  );
}
