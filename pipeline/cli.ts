/**
 * `npm run index [-- --shows=shipit,gotime] [--force] [--out=DIR]`: builds the bundled index alone
 * (the extension build runs the same step). Node only.
 */
import { resolve } from 'node:path';
import { buildBundle } from './bundle';
import { CorpusNotFoundError, resolveCorpus } from './corpus';
import { BUNDLE_CACHE_DIR, projectRoot, showsFromEnv } from './paths';

const args = process.argv.slice(2);
const option = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const shows = option('shows')?.split(',').filter(Boolean) ?? showsFromEnv();

try {
  const root = projectRoot();
  const corpus = resolveCorpus(root, (line) => console.log(line));
  const result = buildBundle({
    corpus,
    outDir: resolve(root, option('out') ?? BUNDLE_CACHE_DIR),
    shows,
    force: args.includes('--force'),
    log: (line) => console.log(line),
  });
  console.log(`${result.built ? 'built' : 'reused'} ${result.files.length} files in ${result.outDir} from ${corpus}`);
} catch (error) {
  console.error(error instanceof CorpusNotFoundError ? error.message : error);
  process.exit(1);
}
