#!/usr/bin/env node
/**
 * Builds the reference-indicator library (SPEC §13): reads every curated source file in
 * src/domain/library/sources/, validates it with the domain's own value grammar, name rules and
 * taxonomy, and writes src/domain/library/entries.json.
 *
 *   npm run library            validate and write entries.json
 *   npm run library -- --check validate and fail when entries.json is not what the sources give
 *
 * The checks live in src/domain/library/build.ts (pure, tested by jest); this script runs their
 * compiled form from lib/, which `npm ci` builds through `prepare`. When lib/ is missing or older
 * than the domain sources, it compiles the domain first, so a fresh clone or an edited rule works.
 */
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const sourcesDir = path.join(root, 'src/domain/library/sources');
const output = path.join(root, 'src/domain/library/entries.json');
const compiled = path.join(root, 'lib/domain/library/build.js');

function newestMtime(dir, ext) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full, ext));
    else if (entry.name.endsWith(ext)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function ensureCompiled() {
  const stale =
    !fs.existsSync(compiled) ||
    fs.statSync(compiled).mtimeMs < newestMtime(path.join(root, 'src/domain'), '.ts');
  if (!stale) return;
  console.log('Compiling the domain (tsc -p tsconfig.cli.json) …');
  const tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
  const run = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.cli.json'], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error('The domain does not compile; fix the errors above and run `npm run library` again.');
    process.exit(1);
  }
}

function readSources() {
  return fs
    .readdirSync(sourcesDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(sourcesDir, file), 'utf8');
      try {
        return { file, content: JSON.parse(text) };
      } catch (err) {
        return { file, content: null, parseError: err.message };
      }
    });
}

function main() {
  const check = process.argv.includes('--check');
  ensureCompiled();
  const { buildLibrary, serializeLibrary } = require(compiled);

  const files = readSources();
  const unreadable = files.filter((f) => f.parseError);
  for (const f of unreadable) console.error(`${f.file}: not valid JSON: ${f.parseError}`);
  const { library, errors } = buildLibrary(files.filter((f) => !f.parseError));
  for (const e of errors) console.error(e);
  if (unreadable.length > 0 || !library) {
    console.error(
      `\n${errors.length + unreadable.length} problem(s) in ${path.relative(root, sourcesDir)}; entries.json not written.`,
    );
    process.exit(1);
  }

  const text = serializeLibrary(library);
  const rel = path.relative(root, output);
  if (check) {
    const current = fs.existsSync(output) ? fs.readFileSync(output, 'utf8') : '';
    if (current !== text) {
      console.error(`${rel} is not what the sources give: run \`npm run library\` and commit it.`);
      process.exit(1);
    }
  } else {
    fs.writeFileSync(output, text);
  }
  const exceptions = library.entries.filter((e) => e.kindException).length;
  const notes = library.entries.filter((e) => e.valueNote).length;
  console.log(
    `${check ? 'Checked' : 'Wrote'} ${rel}: ${library.entries.length} entries from ${library.sources.length} sources` +
      ` (${exceptions} with a kindException, ${notes} with a valueNote).`,
  );
}

main();
