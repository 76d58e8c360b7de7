/**
 * Bootstraps the page: reads the share link, starts tfjs on the best backend, loads the sample image,
 * then renders React and keeps the URL hash in step with the store.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App.tsx';
import { engine, followWorkload, requestedBackend, startBackend, watchContextLoss } from './engine/index.ts';
import { loadSample } from './image/load.ts';
import { DEFAULT_SAMPLE_ID, findSample } from './image/samples.ts';
import { defaultSpec } from './core/index.ts';
import {
  checkLink,
  DEFAULT_MAP_DISPLAY,
  linkKept,
  raise,
  sectionsForSpec,
  setBackendStatus,
  store,
  withSections,
} from './store/index.ts';
import { decodeHash, encodeHash, type HashState } from './store/urlHash.ts';
import './styles.css';

/**
 * Applies the link's state: a link is the whole view, so what it leaves out goes back to the defaults
 * (the language stays). A malformed link leaves the defaults and says so (after `raiseLater`).
 */
function applyHash(hash: string, raiseLater = false): HashState {
  try {
    const parsed = decodeHash(hash);
    const spec = parsed.spec ?? defaultSpec();
    // Open sections stay as they are unless the link names them; the spec opens what it uses.
    const open = parsed.openSections ?? store.getState().openSections;
    store.setState({
      spec,
      mapDisplay: parsed.mapDisplay ?? DEFAULT_MAP_DISPLAY,
      magnitude: parsed.magnitude ?? false,
      ...(parsed.language && { language: parsed.language }),
      openSections: withSections(open, sectionsForSpec(spec)),
      lesson: parsed.lesson ?? null,
    });
    return parsed;
  } catch (error) {
    const notice = { key: 'error.link', params: { detail: (error as Error).message } } as const;
    if (raiseLater) linkProblem = notice;
    else raise(notice);
    return {};
  }
}

/** A bad link found at boot, shown once the first image is in (loading an image clears old alerts). */
let linkProblem: Parameters<typeof raise>[0] | null = null;

function mirrorStateInHash(): void {
  let written = '';
  const write = () => {
    const hash = encodeHash(store.getState());
    if (hash === written) return;
    written = hash;
    history.replaceState(null, '', `#${hash}`);
  };
  store.subscribe(write);
  write();
  window.addEventListener('hashchange', () => {
    if (location.hash.slice(1) === written) return;
    // Whatever the link did, the URL then says what the page shows (a refused link is written over).
    void openLinkLive(location.hash).finally(() => {
      written = '';
      write();
    });
  });
}

/**
 * A link opened in a live tab passes the controls' checks (`checkLink`); refused, it says why and the
 * page keeps its state. A link naming another sample loads it with the link's spec, or keeps both.
 */
async function openLinkLive(hash: string): Promise<void> {
  const checked = checkLink(hash);
  if ('notice' in checked) {
    raise(checked.notice);
    return;
  }
  const { parsed } = checked;
  if (parsed.sampleId && parsed.sampleId !== store.getState().image?.sampleId) {
    if (!findSample(parsed.sampleId)) {
      raise(linkKept(`sample: there is no sample "${parsed.sampleId}"`));
      return;
    }
    const spec = parsed.spec ?? defaultSpec();
    if (!(await loadSample(parsed.sampleId, { spec, refused: linkKept }))) return;
  }
  applyHash(hash);
}

async function boot(): Promise<void> {
  const fromLink = applyHash(location.hash, true);
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  try {
    setBackendStatus(await startBackend(requestedBackend(location.search)));
  } catch (error) {
    raise({ key: 'error.backend', params: { backend: 'tfjs', detail: (error as Error).message } });
    return;
  }
  watchContextLoss(engine, setBackendStatus);
  engine.start();
  followWorkload(engine);
  const sampleId = fromLink.sampleId && findSample(fromLink.sampleId) ? fromLink.sampleId : DEFAULT_SAMPLE_ID;
  const linkRefused = (detail: string) => ({ key: 'error.link', params: { detail } }) as const;
  const loaded = await loadSample(sampleId, { spec: store.getState().spec, refused: linkRefused });
  if (!loaded && !store.getState().image) {
    // The link's spec does not fit its sample (e.g. a 31x31 kernel on a 28x28 image): open the defaults.
    linkProblem ??= store.getState().error;
    store.setState({ spec: defaultSpec() });
    await loadSample(DEFAULT_SAMPLE_ID);
  }
  if (linkProblem) raise(linkProblem);
  mirrorStateInHash();
}

void boot();
