/**
 * Bootstraps the page: reads the share link, starts tfjs on the best backend, loads the sample image,
 * then renders React and keeps the URL hash in step with the store (store/link.ts).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App.tsx';
import { backends, requestedBackend } from './engine/index.ts';
import { loadSample } from './image/load.ts';
import { DEFAULT_SAMPLE_ID, findSample } from './image/samples.ts';
import {
  defaultNetwork,
  keepLinkInStep,
  linkRefused,
  openFirstLink,
  raise,
  store,
  type SampleLoader,
} from './store/index.ts';
import './styles.css';

/** The built-in samples, for links that name one (the store does not import src/image). */
const samples: SampleLoader = { exists: (id) => findSample(id) !== undefined, load: loadSample };

async function boot(): Promise<void> {
  const { parsed: fromLink, problem } = openFirstLink(location.hash);
  let linkProblem = problem;
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  if (!(await backends.start(requestedBackend(location.search)))) return;
  const sampleId = fromLink.sampleId && findSample(fromLink.sampleId) ? fromLink.sampleId : DEFAULT_SAMPLE_ID;
  const loaded = await loadSample(sampleId, { network: store.getState().network, refused: linkRefused });
  if (!loaded && !store.getState().image) {
    // The link's spec does not fit its sample (e.g. a 31x31 kernel on a 28x28 image): open the defaults.
    linkProblem ??= store.getState().error;
    store.setState({ network: defaultNetwork(), editing: 0 });
    await loadSample(DEFAULT_SAMPLE_ID);
  }
  if (linkProblem) raise(linkProblem);
  keepLinkInStep(samples);
}

void boot();
