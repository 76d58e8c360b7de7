/** The preset library as <option>s grouped by kind: the kernel editor's picker and the learn panel's target. */
import { useT } from '../../i18n/index.ts';
import { PRESET_GROUPS, PRESETS } from '../../kernels/presets.ts';

export function PresetOptions() {
  const t = useT();
  return (
    <>
      {PRESET_GROUPS.map((group) => (
        <optgroup key={group.id} label={t(group.label)}>
          {PRESETS.filter((p) => p.group === group.id).map((p) => (
            <option key={p.id} value={p.id}>
              {t(p.name)}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
