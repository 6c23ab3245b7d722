// Types of webpack.config.js, for the test that reads the manifest a build would write.
declare const config: (env: Record<string, unknown>, argv: { mode?: string }) => { plugins: { name?: string; manifest?: () => string }[] };
export default config;
