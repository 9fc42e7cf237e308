// Builds the API into dist/api: esbuild bundles our TypeScript (with @mentor/* paths) and leaves
// node_modules external; SWC transforms each file first because esbuild cannot emit the decorator
// metadata NestJS and TypeORM rely on.
import { transformFile } from '@swc/core';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

const swcDecorators = {
  name: 'swc-decorators',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const { code, map } = await transformFile(args.path, {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'es6' },
        sourceMaps: 'inline',
      });
      return { contents: code + (map ? '' : ''), loader: 'js' };
    });
  },
};

export async function buildApi() {
  await build({
    absWorkingDir: root,
    entryPoints: {
      main: 'apps/api/src/main.ts',
      'db-cli': 'apps/api/src/database/db-cli.ts',
      sql: 'apps/api/src/sql.ts',
    },
    outdir: 'dist/api',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    sourcemap: true,
    keepNames: true,
    tsconfig: 'apps/api/tsconfig.app.json',
    plugins: [swcDecorators],
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  await buildApi();
  console.log(`API built into dist/api in ${Date.now() - started} ms`);
}
