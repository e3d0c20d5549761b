// Entry point of the browser bundle (Vite builds it; see ../build.ts). Everything it loads, workers
// and fonts included, is bundled, so the page makes no request beyond the gateway.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './ide.css';
import { createRoot } from 'react-dom/client';
import { Ide } from './ide.js';
import { readIdeConfig } from './read-config.js';

const root = document.getElementById('ide');
if (!root) throw new Error('The page has no #ide element');
createRoot(root).render(<Ide config={readIdeConfig(document)} />);
