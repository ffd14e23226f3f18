// Tries to open a PGlite data directory and says whether it could. argv: dir
import { openPglite } from '../../../src/stores/sql/open-pglite.ts';

const [dir = ''] = process.argv.slice(2);
try {
  const stores = await openPglite(dir);
  process.send?.({ type: 'result', opened: true });
  await stores.close();
} catch (e) {
  process.send?.({ type: 'result', opened: false, message: e instanceof Error ? e.message : String(e) });
}
process.disconnect?.();
