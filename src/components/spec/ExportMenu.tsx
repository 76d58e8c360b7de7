import { useT } from '../../i18n/index.ts';
import { specFile, store, type SpecExportKind } from '../../store/index.ts';
import { MenuButton } from './MenuButton.tsx';

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * "Export spec": the network as a JSON file (a plain layer spec for one layer, `{layers}` for more),
 * compact (only what differs) or full.
 */
export function ExportMenu() {
  const t = useT();
  const save = (kind: SpecExportKind) => {
    const { name, json } = specFile(store.getState().network, kind);
    download(name, json);
  };
  return (
    <MenuButton
      label={t('spec.export')}
      entries={[
        { key: 'compact', label: t('spec.exportCompact'), onSelect: () => save('compact') },
        { key: 'full', label: t('spec.exportFull'), onSelect: () => save('full') },
      ]}
    />
  );
}
