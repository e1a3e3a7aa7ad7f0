/**
 * Builds the add-in (taskpane.html, commands.html) and the playground into dist/web.
 * - production: `npm run build`; development server: `npm run dev-server` (https://localhost:3000,
 *   certificates from office-addin-dev-certs when they can be made, otherwise webpack's own).
 * - office.js is copied from @microsoft/office-js and served locally (no CDN request); it is already
 *   minified, so Terser is told to leave it alone (info.minimized), or the build takes minutes.
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
const PROD_URL = 'https://localhost:3000/'; // replace with the deployment origin when publishing

async function httpsOptions() {
  try {
    const devCerts = require('office-addin-dev-certs');
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    console.warn(`office-addin-dev-certs unavailable (${e.message}); using a self-signed certificate.`);
    return undefined;
  }
}

/** A JSON value without its notes: keys starting with "$", at any depth. */
function withoutNotes(value) {
  if (Array.isArray(value)) return value.map(withoutNotes);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !k.startsWith('$'))
        .map(([k, v]) => [k, withoutNotes(v)]),
    );
  return value;
}

module.exports = async (env, options) => {
  const dev = options.mode !== 'production';
  return {
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      playground: './src/playground/index.tsx',
      // The WPS pane: scripts/wps-package.js moves it, with its chunks, into dist/wps/addin.
      wps: './src/wps/pane.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist/web'),
      filename: '[name].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { configFile: 'tsconfig.web.json', transpileOnly: true } },
        },
        {
          // The data's "$comment"/"$note" keys are for the people who edit it: the engine never
          // reads them (core/vocabulary.ts drops them), so the bundle does not carry them.
          test: /\.json$/,
          include: path.resolve(__dirname, 'src'),
          type: 'json',
          parser: { parse: (text) => withoutNotes(JSON.parse(text)) },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
      }),
      new HtmlWebpackPlugin({
        filename: 'playground.html',
        template: './src/playground/playground.html',
        chunks: ['playground'],
      }),
      new HtmlWebpackPlugin({
        filename: 'wps-taskpane.html',
        template: './src/wps/addin/taskpane.html',
        chunks: ['wps'],
      }),
      new HtmlWebpackPlugin({
        filename: 'index.html',
        template: './src/playground/playground.html',
        chunks: ['playground'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          // Plain ES5, not bundled: it must parse where the bundle cannot (IE11, EdgeHTML).
          { from: 'src/old-webview/old-webview.js', to: 'old-webview.js', info: { minimized: true } },
          { from: 'test/fixtures/*.xlsx', to: 'fixtures/[name][ext]' },
          { from: 'node_modules/@microsoft/office-js/dist', to: 'office-js', info: { minimized: true } },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (dev ? content : content.toString().split(DEV_URL).join(PROD_URL)),
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.join(__dirname, 'dist/web') },
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options: (env && env.WEBPACK_SERVE ? await httpsOptions() : undefined) ?? {} },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      client: false,
      hot: false,
    },
  };
};
