import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../assets/panel.css';
import { App } from './App';
import { createServices } from './wiring';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App services={createServices()} />
  </StrictMode>,
);
