import { useT } from '../../i18n/index.ts';
import { resetSettings } from '../../store/index.ts';
import { ExamplesMenu } from './ExamplesMenu.tsx';
import { ExportMenu } from './ExportMenu.tsx';
import { ImportSpec } from './ImportSpec.tsx';
import './spec.css';

/** Examples menu, reset, export and import of the spec. */
export function SpecMenu() {
  const t = useT();
  return (
    <div className="spec-menu">
      <ExamplesMenu />
      <button type="button" title={t('spec.resetHint')} onClick={() => resetSettings()}>
        {t('spec.reset')}
      </button>
      <ExportMenu />
      <ImportSpec />
    </div>
  );
}
