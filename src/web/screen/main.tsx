import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

// The hall screen until meetings exist: it tells the room plainly that nothing is running.
function Screen() {
  return (
    <main
      style={{
        minHeight: '100vh',
        margin: 0,
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        background: '#b71c1c',
        color: '#fff8e1',
        fontFamily: '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif',
      }}
    >
      <h1 style={{ fontSize: '4vw', margin: 0, letterSpacing: '0.2em' }}>暂无进行中的会议</h1>
    </main>
  );
}

document.body.style.margin = '0';
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Screen />
  </StrictMode>,
);
