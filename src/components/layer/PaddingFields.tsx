import { PAD_MODES, type PadMode } from '../../core/index.ts';
import { useT, type MessageKey } from '../../i18n/index.ts';
import {
  editedSpec,
  explicitSides,
  paddingKind,
  type PaddingKind,
  setPaddingKind,
  setPaddingSide,
  setPadMode,
  SIDE_NAMES,
  type SideName,
  useStore,
} from '../../store/index.ts';
import { useGeometry } from '../useGeometry.ts';
import { NumberField } from './NumberField.tsx';
import { RadioGroup } from './RadioGroup.tsx';

/** Largest pad the fields offer (the spec allows up to 1000; more than this only makes huge canvases). */
const MAX_PAD = 256;

const KINDS: readonly PaddingKind[] = ['valid', 'same', 'explicit'];

const KIND_LABEL: Record<PaddingKind, MessageKey> = {
  valid: 'layer.valid',
  same: 'layer.same',
  explicit: 'layer.explicit',
};

const SIDE_LABEL: Record<SideName, { name: MessageKey; short: MessageKey }> = {
  top: { name: 'layer.paddingTop', short: 'layer.top' },
  bottom: { name: 'layer.paddingBottom', short: 'layer.bottom' },
  left: { name: 'layer.paddingLeft', short: 'layer.left' },
  right: { name: 'layer.paddingRight', short: 'layer.right' },
};

const MODE_LABEL: Record<PadMode, { label: MessageKey; hint: MessageKey }> = {
  zeros: { label: 'layer.padMode.zeros', hint: 'layer.padMode.zerosHint' },
  reflect: { label: 'layer.padMode.reflect', hint: 'layer.padMode.reflectHint' },
  replicate: { label: 'layer.padMode.replicate', hint: 'layer.padMode.replicateHint' },
};

/** Four spinbuttons laid out around a square that stands for the image. */
function SideFields({ sides }: { sides: [number, number, number, number] }) {
  const t = useT();
  return (
    <div className="pad-sides">
      {SIDE_NAMES.map((side, i) => (
        <NumberField
          key={side}
          className={`pad-${side}`}
          label={t(SIDE_LABEL[side].name)}
          visibleLabel={t(SIDE_LABEL[side].short)}
          value={sides[i] ?? 0}
          min={0}
          max={MAX_PAD}
          onCommit={(n) => setPaddingSide(side, n)}
        />
      ))}
      <span className="pad-image" aria-hidden="true" />
    </div>
  );
}

/** Padding: valid, same, or explicit sides (whose four fields appear once Explicit is chosen). */
export function PaddingFields() {
  const t = useT();
  const padding = useStore((s) => editedSpec(s).padding);
  const geometry = useGeometry();
  const kind = paddingKind(padding);
  const sides = explicitSides(padding);
  const pads = geometry?.pads;

  const sameHint =
    kind === 'same' && pads ? `${t('layer.sameHint')} ${t('layer.samePads', { ...pads })}` : undefined;

  return (
    <RadioGroup
      label={t('layer.padding')}
      value={kind}
      options={KINDS.map((k) => ({
        value: k,
        label: t(KIND_LABEL[k]),
        hint: t(k === 'valid' ? 'layer.validHint' : k === 'same' ? 'layer.sameHint' : 'layer.explicitHint'),
      }))}
      onChange={(k) => void setPaddingKind(k)}
      hint={sameHint}
    >
      {sides && <SideFields sides={sides} />}
    </RadioGroup>
  );
}

/** What the padding is filled with: zeros, a reflection, or the repeated edge. */
export function PadModeField() {
  const t = useT();
  const padMode = useStore((s) => editedSpec(s).padMode);
  const unused = useStore((s) => paddingKind(editedSpec(s).padding) === 'valid');
  return (
    <RadioGroup
      label={t('layer.padMode')}
      value={padMode}
      options={PAD_MODES.map((m) => ({
        value: m,
        label: t(MODE_LABEL[m].label),
        hint: t(MODE_LABEL[m].hint),
      }))}
      onChange={(m) => void setPadMode(m)}
    >
      {unused && <p className="hint">{t('layer.padMode.unused')}</p>}
    </RadioGroup>
  );
}
