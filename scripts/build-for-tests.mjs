// What `npm test` builds first: the ESM JavaScript the CLI tests run (dist/cli.js and its chunks),
// without type declarations or the CommonJS build (tsup.config.ts reads the variable). `npm run build`
// makes the whole package.
process.env['SPOTIFY_SCRAPER_BUILD'] = 'js-for-tests';
const { build } = await import('tsup');
await build({ silent: true });
