/**
 * The kernel editor panel: kernel size, the layer's filters as tabs, and for the selected filter its
 * preset and weights (three R, G, B slices in an RGB layer; a deeper layer's kh × kw × C filter one input
 * map at a time); folded under "Filter tools", its operations, bias, the flip toggle and the saved
 * kernels. In a network it edits the layer the Network panel chose. Every change goes through the store's
 * updateSpec (src/store/kernelActions.ts); which filter is selected is state of this panel only.
 */
import { useId, useState } from 'react';
import { useT } from '../../i18n/index.ts';
import { editedSpec, useStore } from '../../store/index.ts';
import { BiasField } from './BiasField.tsx';
import { Fold } from '../Fold.tsx';
import { FilterTabs, panelId, tabId } from './FilterTabs.tsx';
import { FlipToggle } from './FlipToggle.tsx';
import { KernelGrid } from './KernelGrid.tsx';
import { KernelOps } from './KernelOps.tsx';
import { KernelSize } from './KernelSize.tsx';
import { PresetPicker } from './PresetPicker.tsx';
import { SavedKernels } from './SavedKernels.tsx';
import './kernel.css';

/** The editor of the edited layer's filters; a new layer to edit starts on its first filter. */
export function KernelEditor() {
  const editing = useStore((s) => s.editing);
  return <LayerKernels key={editing} layer={editing} />;
}

function LayerKernels({ layer }: { layer: number }) {
  const t = useT();
  const count = useStore((s) => editedSpec(s).filters.length);
  const layers = useStore((s) => s.network.layers.length);
  const [chosen, setChosen] = useState(0);
  // A link or another control may remove filters: stay on the last one that exists.
  const selected = Math.min(chosen, Math.max(0, count - 1));
  const idBase = useId();
  return (
    <section className="panel kernel-editor" aria-labelledby="kernel-heading">
      <h2 id="kernel-heading">
        {layers > 1 ? t('network.kernelHeading', { n: layer + 1 }) : t('kernel.heading')}
      </h2>
      <KernelSize />
      <FilterTabs selected={selected} onSelect={setChosen} idBase={idBase} />
      <div
        className="filter-panel"
        role="tabpanel"
        id={panelId(idBase)}
        aria-labelledby={tabId(idBase, selected)}
      >
        <PresetPicker filter={selected} />
        <KernelGrid key={selected} filter={selected} />
        <p className="hint kernel-help">{t('kernel.cellHelp')}</p>
        <Fold section="filter" title="fold.filter">
          <KernelOps filter={selected} />
          <BiasField key={`bias-${selected}`} filter={selected} />
          <FlipToggle filter={selected} />
          <SavedKernels filter={selected} />
        </Fold>
      </div>
    </section>
  );
}
