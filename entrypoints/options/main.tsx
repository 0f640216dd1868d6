import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../assets/panel.css';
import { OptionsApp } from './OptionsApp';
import { createServices } from '../sidepanel/wiring';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <OptionsApp services={createServices()} />
  </StrictMode>,
);
