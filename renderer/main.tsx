import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './app/styles.css';
import { prefetchLayers } from './features/layers';
import { warmUpMap } from './map';

// Reading the stored layers starts before React renders (see prefetchLayers).
prefetchLayers();
warmUpMap();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
