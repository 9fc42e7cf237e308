// `npm run build`: the API bundle and the production web app.
import { ensureBuilt } from './ensure-built.mjs';

await ensureBuilt({ web: true, force: true });
