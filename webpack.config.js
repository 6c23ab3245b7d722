// Two faces, one build: the Excel task pane (plus its browser demo over an
// in-memory workbook) and the dashboard. esbuild-loader transpiles TypeScript;
// `npm run typecheck` (tsc) does the type checking.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import HtmlWebpackPlugin from 'html-webpack-plugin';

const here = path.dirname(fileURLToPath(import.meta.url));

export default (env, argv) => {
  const dev = argv.mode !== 'production';
  return {
    context: here,
    entry: {
      taskpane: './addin/taskpane/index.tsx',
      demo: './addin/demo/index.tsx',
      dashboard: './dashboard/index.tsx',
    },
    output: {
      path: path.join(here, 'dist'),
      filename: '[name].[contenthash:8].js',
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
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './addin/taskpane/taskpane.html', chunks: ['taskpane'] }),
      new HtmlWebpackPlugin({ filename: 'demo.html', template: './addin/demo/demo.html', chunks: ['demo'] }),
      new HtmlWebpackPlugin({ filename: 'index.html', template: './dashboard/index.html', chunks: ['dashboard'] }),
    ],
    devServer: {
      port: Number(process.env.PORT || 3000),
      static: [{ directory: path.join(here, 'assets'), publicPath: '/assets' }],
      headers: { 'Content-Security-Policy': "default-src 'self'; script-src 'self' 'unsafe-eval' https://appsforoffice.microsoft.com; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' ws:; font-src 'self' data:" },
    },
  };
};
