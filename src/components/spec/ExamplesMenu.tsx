import { EXAMPLES, exampleHash, lessonHash } from '../../examples/examples.ts';
import { useT } from '../../i18n/index.ts';
import { openExample, openLesson } from '../../store/index.ts';
import { MenuButton } from './MenuButton.tsx';

/** The course notes' worked examples: each item is the example's share link, opened in place; then the lesson. */
export function ExamplesMenu() {
  const t = useT();
  const entries = EXAMPLES.map((example) => ({
    key: example.id,
    label: t(example.title),
    detail: t(example.detail),
    href: `#${exampleHash(example)}`,
    onSelect: () => openExample(example),
  }));
  // Last, so the examples keep their places: the same examples as a lesson, one step at a time.
  entries.push({
    key: 'lesson',
    label: t('intro.lesson', { steps: EXAMPLES.length }),
    detail: t('lesson.menuDetail'),
    href: `#${lessonHash(1)}`,
    onSelect: () => openLesson(1),
  });
  return (
    <MenuButton
      label={t('spec.examples')}
      hint={t('spec.examplesHint')}
      entries={entries}
      className="examples-menu"
    />
  );
}
