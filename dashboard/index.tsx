// Entry of the dashboard page (dist/index.html).
import { createRoot } from 'react-dom/client';
import { App } from './views/App';
import css from './styles.css';
import { bootLoad } from './load/boot';

// Reading the server's folder starts before the first render (boot.ts).
bootLoad();

const style = document.createElement('style');
style.textContent = css;
document.head.appendChild(style);
createRoot(document.getElementById('root')!).render(<App />);
