import { useEffect, useRef } from 'react';
import { onFrameDrawn } from '../engine/index.ts';
import { loadFile } from '../image/load.ts';
import { useLanguage, useT } from '../i18n/index.ts';
import { DisplayControls } from './pipeline/DisplayControls.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { Fold } from './Fold.tsx';
import { Header } from './Header.tsx';
import { ImagePanel } from './ImagePanel.tsx';
import { Inspector } from './inspector/Inspector.tsx';
import { KernelEditor } from './kernel/KernelEditor.tsx';
import { LearnKernelPanel } from './learn/LearnKernelPanel.tsx';
import { LayerControls } from './layer/LayerControls.tsx';
import { Intro } from './lesson/Intro.tsx';
import { Lesson } from './lesson/Lesson.tsx';
import { PaddingView } from './layer/PaddingView.tsx';
import { NetworkPanel } from './network/NetworkPanel.tsx';
import { NumbersPanel } from './numbers/NumbersPanel.tsx';
import { Pipeline } from './pipeline/Pipeline.tsx';
import { DenseDemo } from './dense/DenseDemo.tsx';
import { ShrinkDemo } from './shrink/ShrinkDemo.tsx';
import { TrainPanel } from './train/TrainPanel.tsx';
import { SlidingWindow } from './window/SlidingWindow.tsx';

/** Pasting an image anywhere (outside a text field) loads it, as if dropped on the drop zone. */
function usePasteImage(): void {
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const file = Array.from(event.clipboardData?.files ?? [])[0];
      if (!file) return;
      event.preventDefault();
      void loadFile(file, 'paste');
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, []);
}

export function App() {
  const mainRef = useRef<HTMLElement>(null);
  const language = useLanguage();
  const t = useT();
  usePasteImage();

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  // Tests and tools wait on data-frames: it counts the frames drawn (written here, not re-rendered).
  useEffect(
    () =>
      onFrameDrawn((frames) => {
        if (mainRef.current) mainRef.current.dataset.frames = String(frames);
      }),
    [],
  );

  return (
    <>
      <Header />
      <main ref={mainRef} data-frames={0}>
        <ErrorAlert />
        <Intro />
        <Lesson />
        <div className="workbench">
          <aside className="controls">
            <ImagePanel />
            <NetworkPanel />
            <KernelEditor />
            <LearnKernelPanel />
            <LayerControls />
            <DisplayControls />
          </aside>
          <div className="results">
            <Pipeline />
            <Inspector />
            <SlidingWindow />
            <Fold section="padded" title="fold.padded">
              <PaddingView />
            </Fold>
            <Fold section="shrink" title="fold.shrink">
              <ShrinkDemo />
            </Fold>
            <Fold section="dense" title="fold.dense">
              <DenseDemo />
            </Fold>
            <NumbersPanel />
          </div>
        </div>
        <TrainPanel />
      </main>
      <footer className="app-footer">
        <a href="samples/SOURCES.md">{t('footer.sources')}</a>
      </footer>
    </>
  );
}
