/** Entry point of the `landpatrol` command (bundled to dist/cli/landpatrol.mjs). See cli.ts. */
import { main } from './cli';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 1;
  },
);
