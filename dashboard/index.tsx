// Entry of the dashboard page (dist/index.html). Reading the server's folder
// starts first (boot.ts); the page's views (React, recharts) come in their own
// chunk, loaded once a worker is reading (boot.viewsMayLoad) and evaluated
// while the files are being read.
import css from './styles.css';
import { bootLoad } from './load/boot';

const boot = bootLoad();

const style = document.createElement('style');
style.textContent = css;
document.head.appendChild(style);

void boot.viewsMayLoad
  .then(() => Promise.all([import(/* webpackChunkName: "views" */ 'react-dom/client'), import(/* webpackChunkName: "views" */ './views/App')]))
  .then(([{ createRoot }, { App }]) => {
    createRoot(document.getElementById('root')!).render(<App />);
  });
