import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ScreenApp } from './ScreenApp.js';
import './screen.css';

/** /screen/<meetingId>?token=… — the meeting id from the path, the screen token from the query. */
function parseLocation() {
  const m = /^\/screen\/([0-9a-f-]{36})\/?$/i.exec(window.location.pathname);
  const token = new URLSearchParams(window.location.search).get('token');
  return { meetingId: m?.[1] ?? null, token };
}

const { meetingId, token } = parseLocation();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ScreenApp meetingId={meetingId} token={token} />
  </StrictMode>,
);
