import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { QueryClientProvider } from '@tanstack/react-query';
import { unstableSetRender } from 'antd-mobile';
import { createQueryClient } from '../shared/query.js';
import { bindSession } from '../shared/session.js';
import { DelegateRoutes } from './routes.js';
import './delegate.css';

// antd-mobile renders its toasts and dialogs itself; React 19 needs it to use createRoot.
unstableSetRender((node, container) => {
  const root = createRoot(container);
  root.render(node);
  return async () => {
    await new Promise((r) => setTimeout(r, 0));
    root.unmount();
  };
});

const queryClient = createQueryClient();
bindSession(queryClient);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter basename="/m">
        <DelegateRoutes />
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
