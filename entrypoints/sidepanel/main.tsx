import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../assets/panel.css';
import { App } from './App';
import { createServices } from './wiring';

const services = createServices();
// Start reading the search index before the first render, so its IndexedDB reads overlap React's work.
void services.recall.getState().init();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App services={services} />
  </StrictMode>,
);
