// Two faces, one build: the Excel task pane (plus its browser demo over an
// in-memory workbook) and the dashboard. esbuild-loader transpiles TypeScript;
// `npm run typecheck` (tsc) does the type checking.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import { EsbuildPlugin } from 'esbuild-loader';
import { deploySettings, manifestFor } from './scripts/addin-manifest.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * dist/manifest.xml: manifest.xml with its URLs at the add-in's public https
 * address, `ADDIN_URL=https://kesu.example.gov.cn/ npm run build` (default: the
 * dev server, https://localhost:3000/); ADDIN_VERSION=1.0.1.0 sets <Version>.
 */
class ManifestPlugin {
  constructor(base, version) {
    this.name = 'kesu-manifest';
    this.base = base;
    this.version = version;
  }

  manifest() {
    return manifestFor(fs.readFileSync(path.join(here, 'manifest.xml'), 'utf8'), this.base, this.version);
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap(this.name, (c) =>
      c.hooks.processAssets.tap({ name: this.name, stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        c.emitAsset('manifest.xml', new compiler.webpack.sources.RawSource(this.manifest()));
      }),
    );
  }
}

export default (env, argv) => {
  const dev = argv.mode !== 'production';
  // A bad address stops the build before anything is written, with the reason in Chinese.
  const deploy = deploySettings(process.env);
  if (!deploy.ok) {
    const refused = new Error(deploy.message);
    refused.stack = deploy.message; // webpack-cli prints the stack: the sentence is all the user needs
    throw refused;
  }
  return {
    context: here,
    entry: {
      taskpane: './addin/taskpane/index.tsx',
      demo: './addin/demo/index.tsx',
      dashboard: './dashboard/index.tsx',
      // 导出离线看板 inlines this script into the .html it writes (dashboard/snapshot/html.ts): one file, a fixed name.
      snapshot: './dashboard/snapshot/index.tsx',
    },
    output: {
      path: path.join(here, 'dist'),
      filename: (p) => (p.chunk?.name === 'snapshot' ? 'snapshot.js' : '[name].[contenthash:8].js'),
      // (a filename function leaves lazy chunks and workers named by id alone: name them as before)
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    devtool: dev ? 'eval-cheap-module-source-map' : false,
    resolve: {
      extensions: ['.tsx', '.ts', '.js', '.mjs'],
      // The core never touches Node built-ins outside io/ and the CLI; the
      // browser bundles get nothing for them.
      fallback: { fs: false, path: false, os: false, stream: false, crypto: false },
    },
    module: {
      rules: [
        { test: /\.tsx?$/, loader: 'esbuild-loader', options: { target: 'es2020', jsx: 'automatic' } },
        { test: /\.css$/, type: 'asset/source' },
      ],
    },
    performance: { hints: false },
    // esbuild minifies what terser did in a tenth of the time (a production
    // build went from 80 s to under 15 s on a 2-core machine); the tests and
    // the benchmarks build the pages first, so it is time every run pays.
    optimization: {
      minimizer: [new EsbuildPlugin({ target: 'es2020', css: false })],
      // No shared chunks: the dashboard's worker is then one script (three
      // importScripts one after another delayed its first file), and each
      // lazily loaded part of a page comes in one request.
      splitChunks: { cacheGroups: { default: false, defaultVendors: false } },
    },
    plugins: [
      // The manifest's icons (assets/*.png) are served from dist/assets/.
      {
        apply(compiler) {
          compiler.hooks.thisCompilation.tap('kesu-assets', (c) =>
            c.hooks.processAssets.tap({ name: 'kesu-assets', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
              for (const f of fs.readdirSync(path.join(here, 'assets')).filter((f) => f.endsWith('.png')))
                c.emitAsset(`assets/${f}`, new compiler.webpack.sources.RawSource(fs.readFileSync(path.join(here, 'assets', f))));
            }),
          );
        },
      },
      new ManifestPlugin(deploy.base, deploy.version),
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './addin/taskpane/taskpane.html', chunks: ['taskpane'] }),
      new HtmlWebpackPlugin({ filename: 'demo.html', template: './addin/demo/demo.html', chunks: ['demo'] }),
      new HtmlWebpackPlugin({ filename: 'index.html', template: './dashboard/index.html', chunks: ['dashboard'] }),
    ],
    devServer: {
      port: Number(process.env.PORT || 3000),
      static: [{ directory: path.join(here, 'assets'), publicPath: '/assets' }],
      // Excel only loads a task pane over trusted https: use the Office dev
      // certificate (npx office-addin-dev-certs install) when it is there. The
      // fallback is a self-signed certificate Excel refuses without a word, so
      // say so (only under webpack serve: a build never starts the server).
      server: (() => {
        const d = path.join(os.homedir(), '.office-addin-dev-certs');
        const r = (f) => fs.readFileSync(path.join(d, f));
        if (fs.existsSync(path.join(d, 'localhost.crt')))
          return { type: 'https', options: { key: r('localhost.key'), cert: r('localhost.crt'), ca: r('ca.crt') } };
        if (env?.WEBPACK_SERVE) console.warn('未找到 Office 开发证书，请先运行 npx office-addin-dev-certs install');
        return 'https';
      })(),
      headers: { 'Content-Security-Policy': "default-src 'self'; script-src 'self' 'unsafe-eval' https://appsforoffice.microsoft.com; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' ws: wss:; font-src 'self' data:" },
    },
  };
};
