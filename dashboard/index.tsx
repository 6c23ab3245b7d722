// Entry of the dashboard page (dist/index.html). Reading the server's folder
// starts first (boot.ts); the page's views (React, recharts) come in their own
// chunk, loaded and evaluated while the first files are already being read.
import css from './styles.css';
import { bootLoad } from './load/boot';

bootLoad();

const style = document.createElement('style');
style.textContent = css;
document.head.appendChild(style);

void Promise.all([import('react-dom/client'), import('./views/App')]).then(([{ createRoot }, { App }]) => {
  createRoot(document.getElementById('root')!).render(<App />);
});
