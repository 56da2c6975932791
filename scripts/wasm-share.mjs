// Each crate's share of the two release wasm binaries (`pyprep`, the first screen, and
// `pyprep-app`, the rest), as a markdown section for BENCHMARKS.md.
// Usage: node scripts/wasm-share.mjs   (prints the markdown; the build's progress goes to stderr)
// Or: import { wasmShares, shareMarkdown } from './scripts/wasm-share.mjs'.
//
// The shipped wasm (dist/) has no name section, so this builds its own copy with names, the
// way trunk builds dist/ but in a separate target dir (WASM_SHARE_TARGET, default
// /tmp/sharetarget; cargo skips the build when that is up to date, and the wasm-bindgen and
// wasm-opt steps are skipped while their output is newer than cargo's):
// 1. `cargo build --release --offline --target wasm32-unknown-unknown --bins` with
//    RUSTFLAGS=-C symbol-mangling-version=v0: v0 symbols name generic arguments, so
//    `CompStateInner<COMP>::view` reads `CompStateInner<pyprep::web::first::First>::view`. Release
//    debuginfo off and not stripped: rustc keeps the name section.
// 2. `wasm-bindgen --target web` (as trunk; without --keep-debug, which keeps std's DWARF and
//    then makes wasm-opt -g skip DWARF-unsafe passes: measured +5 KB of code).
// 3. node_modules/.bin/wasm-opt -Oz -g: the same optimisation as trunk's `-Oz`, keeping names
//    (with legacy mangling the output minus its name section was byte-identical to dist/;
//    v0's longer symbols add ~0.6–0.8 KB, nearly all in the export names of wasm-bindgen's
//    closure shims, counted under glue).
// 4. `twiggy top` on it: every item's shallow size, names demangled. Sizes are of the binary
//    without its name section (what ships).
//
// Attribution of a function to a crate, from its demangled name:
// - The defining crate: for `<Self as Trait>::f`, Self's crate if Self is a path to a type
//   (behind &, &mut, *const, *mut or dyn) outside std, else the trait's crate when outside std
//   (`<Option<T> as serde::Deserialize>` is serde's code), else std; `<Self>::f` likewise
//   (primitives like `<str>`, `<[T]>`: std); `a::b::f`: crate `a`.
// - Generic code counts for the crate whose types instantiate it: a symbol naming one of this
//   project's crates (pyprep, pyprep_app) anywhere (type arguments, closures) is pyprep's, so
//   yew's `CompStateInner<pyprep::web::first::First>::view`, which inlines that component's view,
//   and serde_json's deserializers run with pyprep's visitors are pyprep's; std's generics
//   (`drop_in_place::<yew::VNode>`, `Vec<T>::clone`, sorting) go to the first non-std crate the
//   symbol names, or to the row "Rust std" when it names none. A dependency's row is thus
//   what it costs whatever the app does with it; the column "generics of other crates" says how
//   much of a row was defined in other crates, and the note under each table splits pyprep's by
//   defining crate.
// - Not Rust symbols: data segments (string constants and tables of every crate: no symbols
//   left to tell whose), wasm-bindgen glue (imports, exports, externref shims, the
//   `__wbindgen_*`/`__externref_*` helpers), wasm structure (types, table, globals, section
//   headers), compiler-builtins C names (memcmp, __multi3, fmax, …: std), `main` (the bin's
//   entry: pyprep), and the unattributed rest: functions without a name (made by wasm-bindgen
//   or by wasm-opt, e.g. merged similar functions).
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliBytes as brotli } from '../tests/e2e/first-load.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TARGET = process.env.WASM_SHARE_TARGET || '/tmp/sharetarget';
const BINS = [
  { bin: 'pyprep', what: 'first screen', dist: /^pyprep(-[0-9a-f]+)?_bg\.wasm$/ },
  { bin: 'pyprep-app', what: 'app module', dist: /^pyprep-app(-[0-9a-f]+)?_bg\.wasm$/ },
];
const PROJECT = new Set(['pyprep', 'pyprep_app']); // the lib and the two bin crates
const STD = new Set([
  'core', 'alloc', 'std', 'compiler_builtins', 'dlmalloc', '__rustc', 'panic_abort', 'panic_unwind',
  'std_detect', 'rustc_std_workspace_core', 'rustc_std_workspace_alloc', 'unwind', 'rustc_demangle',
]);
export const LABEL = {
  project: 'pyprep (this crate)',
  std: 'Rust std (core, alloc, std, dlmalloc, compiler-builtins)',
  data: '(data segments)',
  glue: '(wasm-bindgen glue: imports, exports, shims)',
  structure: '(wasm structure: types, table, globals, headers)',
  unattributed: '(unattributed: unnamed functions)',
};
// C-named functions from compiler-builtins (integer helpers, mem*, libm).
const BUILTIN = /^(mem(cpy|move|set|cmp)|bcmp|__(mul|div|udiv|mod|umod|ashl|ashr|lshr|neg|cmp|ucmp)[a-z]*[0-9]|__[a-z]+[sdt]f[0-9]?|f?(max|min|round|floor|ceil|trunc|sqrt|fma|pow|exp|exp2|log|log2|log10|sin|cos|tan|atan2?|hypot|cbrt|fmod|rint|nearbyint|copysign)f?)$/;

const run = promisify(execFile);
const PATH = [join(homedir(), '.cargo', 'bin'), join(ROOT, 'node_modules', '.bin'), process.env.PATH].join(':');
const ENV = { ...process.env, PATH };
const mtime = (f) => (existsSync(f) ? statSync(f).mtimeMs : -1);

// The wasm's bytes without its `name` custom section (what trunk's wasm-opt, without -g, ships).
function withoutNames(buf) {
  const parts = [buf.subarray(0, 8)];
  let p = 8;
  const leb = () => {
    let n = 0;
    for (let shift = 0; ; shift += 7) {
      const b = buf[p++];
      n += (b & 0x7f) * 2 ** shift;
      if (!(b & 0x80)) return n;
    }
  };
  while (p < buf.length) {
    const start = p;
    const id = buf[p++];
    const len = leb();
    const body = p;
    let name = null;
    if (id === 0) {
      const n = leb();
      name = buf.subarray(p, p + n).toString();
    }
    if (name !== 'name') parts.push(buf.subarray(start, body + len));
    p = body + len;
  }
  return Buffer.concat(parts);
}

// ---- building -------------------------------------------------------------------------------
async function build() {
  const env = {
    ...ENV,
    CARGO_TARGET_DIR: TARGET,
    CARGO_PROFILE_RELEASE_DEBUG: 'false',
    CARGO_PROFILE_RELEASE_STRIP: 'false',
    RUSTFLAGS: '-C symbol-mangling-version=v0',
  };
  delete env.CARGO_ENCODED_RUSTFLAGS;
  const cargo = spawnSync(
    'nice',
    ['-n', '10', 'cargo', 'build', '--release', '--offline', '--target', 'wasm32-unknown-unknown', '--bins'],
    { cwd: ROOT, env, stdio: ['ignore', 2, 2] },
  );
  if (cargo.status !== 0) throw new Error(`wasm-share: cargo build failed (status ${cargo.status})`);
  const out = join(TARGET, 'wasm-share');
  mkdirSync(out, { recursive: true });
  return Promise.all(BINS.map(async ({ bin }) => {
    const input = join(TARGET, 'wasm32-unknown-unknown', 'release', `${bin}.wasm`);
    const bg = join(out, `${bin}_bg.wasm`);
    const opt = join(out, `${bin}.opt.wasm`);
    if (mtime(opt) < mtime(input)) {
      await run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', out, input], { env: ENV });
      await run('nice', ['-n', '10', 'wasm-opt', '-Oz', '-g', bg, '-o', opt], { env: ENV, cwd: ROOT });
    }
    return opt;
  }));
}

// ---- attribution ----------------------------------------------------------------------------
// Root crates named in a demangled symbol, in order (v0: `crate[hash]::`; legacy: `crate::`
// at the start of a path).
function crates(name) {
  return [...name.matchAll(/(?:^|[<(\[&*, ;])([A-Za-z_]\w*)(?:\[[0-9a-f]+\])?::/g)].map((m) => m[1]);
}

// The crate of a type or trait path, or null for primitives, slices, tuples, generic params.
function pathCrate(t) {
  const s = t.trim().replace(/^(?:&(?:mut )?|\*(?:const|mut) |dyn |'\w+ )+/, '');
  const m = /^([A-Za-z_]\w*)(?:\[[0-9a-f]+\])?::/.exec(s);
  return m ? m[1] : null;
}

// `<X as Y>::…` → [X, Y] (Y undefined for `<X>::…`); null when the name doesn't start with `<`.
function qualified(name) {
  if (name[0] !== '<') return null;
  let depth = 0;
  let as = -1;
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    if (c === '<' || c === '(' || c === '[') depth++;
    else if ((c === '>' && name[i - 1] !== '-') || c === ')' || c === ']') {
      depth--;
      if (depth === 0) {
        return as < 0 ? [name.slice(1, i)] : [name.slice(1, as), name.slice(as + 4, i)];
      }
    } else if (depth === 1 && as < 0 && name.startsWith(' as ', i)) as = i;
  }
  return null;
}

// { crate, kind, home } for one twiggy item (`home`: the defining crate's row label); null for
// the name section.
export function attribute(name) {
  const bucket = (kind) => ({ crate: LABEL[kind], kind, home: LABEL[kind] });
  if (/^"[^"]*" subsection$/.test(name) || name === "custom section 'name' headers") return null;
  if (/^data segment /.test(name) || /^data (count )?section headers$/.test(name)) return bucket('data');
  if (/^(import |export )/.test(name) || /externref shim$/.test(name) || /^__(wbindgen|wbg|externref)_/.test(name) ||
      /^wasm_bindgen__/.test(name)) return bucket('glue');
  if (/^(type|table|memory|global|elem)\[\d+\]/.test(name) || / section headers$/.test(name) ||
      /^custom section /.test(name) || name === 'wasm magic bytes') return bucket('structure');
  if (/^code\[\d+\]$/.test(name)) return bucket('unattributed');
  const bare = name.replace(/\.\d+$/, '');
  if (bare === 'main') return bucket('project');
  if (BUILTIN.test(bare)) return bucket('std');

  let home;
  const q = qualified(name);
  if (q) {
    const [self, trait] = q;
    const selfCrate = pathCrate(self);
    const traitCrate = trait === undefined ? null : pathCrate(trait);
    home = selfCrate && !STD.has(selfCrate) ? selfCrate
      : traitCrate && !STD.has(traitCrate) ? traitCrate
      : 'std'; // std's impls, and `<str>::…`, `<[T]>::…`: std's inherent impls on primitives
  } else {
    home = pathCrate(name);
  }
  if (!home) return bucket('unattributed');
  const label = (c) => (STD.has(c) ? LABEL.std : PROJECT.has(c) ? LABEL.project : c);
  const named = crates(name);
  const owner = PROJECT.has(home) || named.some((c) => PROJECT.has(c)) ? LABEL.project
    : STD.has(home) ? label(named.find((c) => !STD.has(c)) ?? 'std')
    : home;
  const kind = owner === LABEL.project ? 'project' : owner === LABEL.std ? 'std' : 'crate';
  return { crate: owner, kind, home: label(home) };
}

// ---- measuring ------------------------------------------------------------------------------
// Rows: per binary one `kind: 'total'` row (its sizes and the shipped dist/ file's) and one row
// per crate or bucket: { binary, crate, kind, bytes, share (of the binary), brotli (estimated),
// byHome: { defining crate: bytes } }.
export async function wasmShares() {
  const opts = await build();
  const distDir = join(ROOT, 'dist');
  const distFiles = existsSync(distDir) ? readdirSync(distDir) : [];
  const rows = [];
  for (const [i, { bin, what, dist }] of BINS.entries()) {
    const { stdout } = await run('twiggy', ['top', '-n', '100000', '--format', 'json', opts[i]],
      { env: ENV, maxBuffer: 1 << 28 });
    const items = JSON.parse(stdout);
    const built = withoutNames(readFileSync(opts[i]));
    const distName = distFiles.find((f) => dist.test(f));
    const distBuf = distName ? readFileSync(join(distDir, distName)) : null;
    const total = {
      binary: bin, what, crate: '(total)', kind: 'total', bytes: 0, share: 1,
      built: built.length, builtBrotli: brotli(built),
      dist: distName ?? null, distBytes: distBuf?.length ?? null, distBrotli: distBuf ? brotli(distBuf) : null,
      items: 0,
    };
    const by = new Map();
    for (const { name, shallow_size: size } of items) {
      const a = attribute(name);
      if (!a) continue;
      total.bytes += size;
      total.items++;
      const row = by.get(a.crate) ?? { binary: bin, crate: a.crate, kind: a.kind, bytes: 0, byHome: {} };
      row.bytes += size;
      row.byHome[a.home] = (row.byHome[a.home] ?? 0) + size;
      by.set(a.crate, row);
    }
    if (total.bytes !== built.length) {
      console.warn(`wasm-share: ${bin}: twiggy's items add up to ${total.bytes} B, the wasm without names is ${built.length} B`);
    }
    const scale = (total.distBrotli ?? total.builtBrotli) / total.bytes;
    total.brotli = total.distBrotli ?? total.builtBrotli;
    rows.push(total);
    for (const row of [...by.values()].sort((a, b) => b.bytes - a.bytes)) {
      rows.push({ ...row, share: row.bytes / total.bytes, brotli: row.bytes * scale });
    }
  }
  return rows;
}

// ---- markdown -------------------------------------------------------------------------------
const kb = (n) => (n / 1024).toFixed(1);
const pct = (x) => `${(100 * x).toFixed(1)} %`;
const SMALL = 512; // crates under this many bytes share an "other crates" row
const CRATE_KINDS = ['project', 'std', 'crate'];
// Bytes of a row defined in other crates (generics instantiated for the row's crate).
const foreign = (r) => Object.entries(r.byHome ?? {}).reduce((s, [home, n]) => s + (home === r.crate ? 0 : n), 0);

export function shareMarkdown(rows) {
  const out = [
    '## Wasm size by crate',
    '',
    'Written by `node scripts/wasm-share.mjs`: each release wasm rebuilt with symbol names',
    '(`-C symbol-mangling-version=v0`, `wasm-bindgen --target web`, `wasm-opt -Oz -g`, the name',
    'section left out of the sizes) and its functions attributed by `twiggy top` and their',
    'demangled names. Generic code counts for the crate whose types instantiate it: yew\'s',
    '`CompStateInner<C>::view`, which inlines the component\'s view, is pyprep\'s when `C` is, and',
    'std\'s generics go to the crate they were instantiated for; so a dependency\'s row is what it',
    'costs whatever the app does with it. "Generics of other crates" is the part of a row defined',
    'elsewhere. Data segments (string constants and tables of every crate) have no symbols left',
    'and are one row. The rules in full: the comment at the top of the script.',
    '',
  ];
  for (const total of rows.filter((r) => r.kind === 'total')) {
    const mine = rows.filter((r) => r.binary === total.binary && r.kind !== 'total');
    const crateRows = mine.filter((r) => CRATE_KINDS.includes(r.kind));
    const buckets = mine.filter((r) => !CRATE_KINDS.includes(r.kind));
    const small = crateRows.filter((r) => r.kind === 'crate' && r.bytes < SMALL);
    const line = (label, r, f = foreign(r)) =>
      `| ${label} | ${kb(r.bytes)} KB | ${pct(r.share)} | ${kb(r.brotli)} KB | ${f ? `${kb(f)} KB` : ''} |`;
    out.push(`### \`${total.binary}\` (${total.what})`, '');
    const vs = total.distBytes == null ? 'no shipped build in `dist/` to compare with'
      : `the shipped \`dist/${total.dist.replace(/-[0-9a-f]{16}_/, '-…_')}\` is ${total.distBytes} B, ` +
        `${kb(total.distBrotli)} KB brotli (this build ${total.built >= total.distBytes ? '+' : ''}` +
        `${(100 * (total.built / total.distBytes - 1)).toFixed(2)} %)`;
    out.push(`Built here: ${total.built} B without names, ${kb(total.builtBrotli)} KB brotli; ${vs}.`, '');
    out.push('| crate | raw | % | brotli (est.)¹ | generics of other crates |', '|---|---:|---:|---:|---:|');
    for (const r of crateRows.filter((r) => !small.includes(r))) out.push(line(r.kind === 'crate' ? `\`${r.crate}\`` : r.crate, r));
    if (small.length) {
      const sum = (k) => small.reduce((s, r) => s + r[k], 0);
      out.push(line(`${small.length} crates under ${SMALL} B: ${small.map((r) => `\`${r.crate}\``).join(', ')}`,
        { bytes: sum('bytes'), share: sum('share'), brotli: sum('brotli') }, small.reduce((s, r) => s + foreign(r), 0)));
    }
    for (const r of buckets) out.push(line(r.crate, r));
    out.push(`| **total** | ${kb(total.bytes)} KB | 100 % | ${kb(total.brotli)} KB | |`, '');
    const project = crateRows.find((r) => r.kind === 'project');
    if (project && foreign(project)) {
      const parts = Object.entries(project.byHome).filter(([home]) => home !== project.crate)
        .sort((a, b) => b[1] - a[1]).map(([home, n]) => `${home.startsWith('Rust std') ? 'std' : home} ${kb(n)} KB`);
      out.push(`pyprep's ${kb(project.bytes)} KB: ${kb(project.byHome[project.crate] ?? 0)} KB defined in pyprep, ` +
        `the rest other crates' generics instantiated for its types (${parts.join(', ')}).`, '');
    }
  }
  out.push('¹ Not measured per crate: each row\'s share of the raw wasm times the shipped wasm\'s brotli-11',
    'size (this build\'s own when `dist/` has none). Code, tables and strings compress differently, so',
    'read it as a proportion.', '');
  return out.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = await wasmShares();
  process.stdout.write(shareMarkdown(rows));
}
