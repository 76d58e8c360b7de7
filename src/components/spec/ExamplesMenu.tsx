import { EXAMPLES, exampleHash } from '../../examples/examples.ts';
import { useT } from '../../i18n/index.ts';
import { openExample } from '../../store/index.ts';
import { MenuButton } from './MenuButton.tsx';

/** The course notes' worked examples: each item is the example's share link, opened in place. */
export function ExamplesMenu() {
  const t = useT();
  const entries = EXAMPLES.map((example) => ({
    key: example.id,
    label: t(example.title),
    detail: t(example.detail),
    href: `#${exampleHash(example)}`,
    onSelect: () => openExample(example),
  }));
  return (
    <MenuButton
      label={t('spec.examples')}
      hint={t('spec.examplesHint')}
      entries={entries}
      className="examples-menu"
    />
  );
}
