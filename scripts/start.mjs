// `npm start`: build what changed, then run the RocketHub CLI in this process.
// Arguments after the script are the CLI's (`start` by default).
import { buildAll } from './build.mjs';

await buildAll();
await import('../server/dist/main.js');
