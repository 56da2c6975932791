// node scripts/serve.mjs <dir> [port]: serves <dir> under /pyprep/ on 127.0.0.1.
import { serve } from '../tests/e2e/server.mjs';
const [dir = 'dist', port = '8080'] = process.argv.slice(2);
await serve({ '/pyprep/': dir }, { port: Number(port) });
