import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  return (
    <main>
      <h1>DoeVault</h1>
      <p>The desktop screens are on their way. Meanwhile the vault is fully usable with the doe-vault command line.</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
