// PyPrep's live-coding worker: runs a learner's Python (real CPython, via Pyodide) against a
// challenge's tests. A module worker, created by the page as
//   new Worker(new URL('python-worker.js', document.baseURI), { type: 'module' })
// next to the `pyodide/` folder the build copies (scripts/post-build.mjs). Nothing is fetched
// until the first {type:"run"} (or {type:"load"}) message, and never from a CDN.
//
// Page → worker
//   {type:"load"}                                     warm up: download and start Python
//   {type:"run", id, code, tests, files:{name:text}}  one run (runs are handled one at a time)
// Worker → page
//   {type:"loading", loaded, total}   decoded bytes so far / raw bytes of the download (monotonic;
//                                     the last one has loaded === total; Python then takes a
//                                     second or two more to start before "ready")
//   {type:"ready", version, pyodide, ms}   once per load: "3.14.2", "314.0.7", ms since loading began
//   {type:"running", id}              just before the learner's code starts (start the time limit)
//   {type:"result", id, ms, stdout, stderr, error, tests}
//       error: null, or {kind: "syntax"|"error", summary: "NameError: …", traceback, line} for a
//              syntax error or an exception in the top-level code (of solution.py, or of tests.py:
//              then `line` is null); the tests don't run and `tests` is []
//       tests: [{name, label, passed, message, traceback, line, ms}] in definition order; for a
//              failure `message` is the exception's "Type: message" (a bare assert gives
//              "AssertionError: assert <its source>"), `traceback` shows only solution.py and
//              tests.py frames, and `line` is the last solution.py line in it (or null)
//       stdout, stderr: what the run printed, each cut at 64 K characters ("… (output truncated)")
//   {type:"failed", id, message, fatal}   Python could not load (`id` null for a {type:"load"}),
//                                     or died during a run (`fatal: true`, e.g. the JS stack
//                                     overflowed or os._exit()). Either way the next message
//                                     loads Python again (from the HTTP cache); after a fatal one
//                                     the page may as well terminate the worker and make a new one.
// If the worker script itself can't be fetched, the Worker fires `error` and sends nothing.

const INDEX = new URL('pyodide/', import.meta.url);
// What the worker downloads itself (counted for the progress bar) and what it hands Pyodide.
// pyodide-lock.json is never fetched: Pyodide gets an empty lock file (no packages, ever).
const DOWNLOADS = ['pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip'];

let python = null; // { pyodide, run, jspi } once loaded
let loading = null; // the promise of `python` while loading
let queue = Promise.resolve(); // messages are handled in order, one at a time

self.onmessage = ({ data }) => {
  if (!data || typeof data !== 'object') return;
  if (data.type === 'load') {
    queue = queue.then(() =>
      load().catch((e) => post({ type: 'failed', id: null, fatal: false, message: e.message })),
    );
  } else if (data.type === 'run') {
    queue = queue.then(() => run(data));
  }
};

function post(message) {
  self.postMessage(message);
}

/** An error whose message a learner can read. */
class LoadError extends Error {}

function load() {
  if (python) return Promise.resolve(python);
  if (!loading) {
    loading = start().then(
      (p) => (python = p),
      (e) => {
        loading = null; // the next message tries again (e.g. back online)
        throw e instanceof LoadError
          ? e
          : new LoadError(
              `Python could not start (${String((e && e.message) || e).trim()}). Reload the page and try again.`,
            );
      },
    );
  }
  return loading;
}

async function start() {
  const t0 = performance.now();
  const progress = new Progress();
  // Everything at once: the manifest (sizes), the loader, and the three big files.
  const manifest = getJson('manifest.json');
  const loader = import(new URL('pyodide.mjs', INDEX).href).catch(() => {
    throw new LoadError(unreachable('pyodide.mjs'));
  });
  const responses = Object.fromEntries(DOWNLOADS.map((name) => [name, get(name)]));
  // Keep an unhandled rejection from surfacing before we await them.
  for (const r of [manifest, loader, ...Object.values(responses)]) r.catch(() => {});

  const { sizes, lockInfo } = await manifest;
  progress.start(sizes);

  // pyodide.asm.mjs: read (counted) and imported from a blob: URL, so it downloads once.
  const asmJs = responses['pyodide.asm.mjs'].then(async (res) => {
    const bytes = await progress.read('pyodide.asm.mjs', res.body, true);
    const url = URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' }));
    try {
      return (await import(url)).default;
    } finally {
      URL.revokeObjectURL(url);
    }
  });
  // The wasm and the stdlib: Pyodide fetches them itself (the wasm with instantiateStreaming,
  // which compiles while it downloads); it gets the very responses started above, and a clone of
  // each is counted as it arrives.
  const counted = [];
  const handOff = new Map();
  for (const name of ['pyodide.asm.wasm', 'python_stdlib.zip']) {
    const res = responses[name];
    counted.push(res.then((r) => progress.read(name, r.clone().body, false)));
    handOff.set(new URL(name, INDEX).href, res);
  }
  // Rejects when a download fails; never resolves.
  const failedDownload = Promise.all([asmJs, ...counted]).then(() => new Promise(() => {}));
  failedDownload.catch(() => {});

  const { loadPyodide } = await loader;
  const realFetch = self.fetch;
  const realWarn = console.warn;
  let brokenWasm;
  const wasmFailed = new Promise((_, reject) => { brokenWasm = reject; });
  wasmFailed.catch(() => {});
  self.fetch = function (input, init) {
    const url = input instanceof Request ? input.url : String(input);
    const res = handOff.get(url);
    if (res) {
      handOff.delete(url);
      return res;
    }
    return realFetch.call(self, input, init);
  };
  // Pyodide only warns (and then waits forever) when the wasm can't be instantiated.
  console.warn = (...args) => {
    if (String(args[0]).includes('wasm instantiation failed')) {
      brokenWasm(new LoadError('Python could not start: pyodide/pyodide.asm.wasm is damaged or incomplete. Reload the page and try again.'));
    }
    realWarn.apply(console, args);
  };
  let pyodide;
  try {
    pyodide = await Promise.race([
      loadPyodide({
        indexURL: INDEX.href,
        createPyodideModule: await Promise.race([asmJs, failedDownload]),
        lockFileContents: { info: lockInfo, packages: {} },
        packages: [],
        env: { HOME: '/home/pyodide' },
        // Pyodide's own startup output, if any, goes to the console, not to a learner's run.
        stdout: (line) => console.log(line),
        stderr: (line) => console.error(line),
      }),
      failedDownload,
      wasmFailed,
    ]);
    await Promise.all(counted);
  } finally {
    self.fetch = realFetch;
    console.warn = realWarn;
  }
  const ns = pyodide.toPy({ __name__: 'pyprep_harness' });
  pyodide.runPython(HARNESS, { globals: ns, filename: '<pyprep harness>' });
  const harness = ns.get('run');
  const version = pyodide.runPython('import platform; platform.python_version()');
  post({ type: 'ready', version, pyodide: pyodide.version, ms: Math.round(performance.now() - t0) });
  return { pyodide, run: harness, jspi: true };

  async function get(name) {
    let res;
    try {
      res = await fetch(new URL(name, INDEX));
    } catch {
      throw new LoadError(unreachable(name));
    }
    if (!res.ok) {
      throw new LoadError(
        `Python could not load: pyodide/${name} is missing from the site (HTTP ${res.status}).`,
      );
    }
    return res;
  }

  async function getJson(name) {
    const res = await get(name);
    try {
      return await res.json();
    } catch {
      throw new LoadError(`Python could not load: pyodide/${name} is damaged.`);
    }
  }
}

function unreachable(name) {
  return `Python could not load: pyodide/${name} did not download. Check your connection and press Run again.`;
}

/**
 * Counts decoded bytes of each download against the raw sizes in the manifest (a compressing
 * server's Content-Length is the compressed size) and posts {type:"loading"} at most every
 * 50 ms, and once more at the end, with loaded === total.
 */
class Progress {
  constructor() {
    this.started = false;
    this.sizes = {};
    this.counts = {};
    this.done = {};
    this.last = -Infinity;
    this.sent = null;
  }

  start(sizes) {
    this.started = true;
    this.sizes = { ...sizes };
    this.post(true);
  }

  /** Reads a body to the end, counting; resolves to its bytes if `keep`. */
  async read(name, body, keep) {
    const reader = body.getReader();
    const chunks = [];
    let n = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (keep) chunks.push(value);
        n += value.length;
        this.counts[name] = n;
        this.post(false);
      }
    } catch {
      throw new LoadError(unreachable(name));
    }
    this.done[name] = true;
    this.post(true);
    if (!keep) return null;
    const bytes = new Uint8Array(n);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.length;
    }
    return bytes;
  }

  post(force) {
    if (!this.started) return;
    let loaded = 0;
    let total = 0;
    for (const name of DOWNLOADS) {
      const n = this.counts[name] ?? 0;
      loaded += n;
      // A finished file counts as what arrived; an unfinished one as at least the manifest says
      // (the two differ only if the manifest is stale).
      total += this.done[name] ? n : Math.max(n, this.sizes[name] ?? 0);
    }
    const now = performance.now();
    if (!force && now - this.last < 50) return;
    if (this.sent && this.sent.loaded === loaded && this.sent.total === total) return;
    this.last = now;
    this.sent = { loaded, total };
    post({ type: 'loading', loaded, total });
  }
}

async function run(msg) {
  const id = msg.id;
  let py;
  try {
    py = await load();
  } catch (e) {
    post({ type: 'failed', id, fatal: false, message: e.message });
    return;
  }
  const files = {};
  if (msg.files && typeof msg.files === 'object') {
    for (const [name, text] of Object.entries(msg.files)) files[name] = String(text ?? '');
  }
  post({ type: 'running', id });
  const t0 = performance.now();
  let out;
  try {
    const args = [String(msg.code ?? ''), String(msg.tests ?? ''), JSON.stringify(files)];
    let json;
    if (py.jspi) {
      // Called "promising" so that asyncio.run() in learner code can suspend (JSPI; Chromium
      // 137+). Elsewhere Pyodide refuses at once, and asyncio.run() raises a RuntimeError.
      try {
        json = await py.run.callPromising(...args);
      } catch (e) {
        if (!/stack switching not supported/.test(String(e && e.message))) throw e;
        py.jspi = false;
      }
    }
    if (!py.jspi) json = py.run(...args);
    out = JSON.parse(json);
  } catch (e) {
    const fatal = Boolean(e && e.pyodide_fatal_error);
    if (fatal) {
      // Python itself died (e.g. the wasm stack overflowed): start a fresh one next time.
      python = null;
      loading = null;
    }
    const detail = String((e && e.message) || e).trim().split('\n').pop();
    post({
      type: 'failed',
      id,
      fatal,
      message: fatal
        ? `Python stopped unexpectedly and will restart on the next run (${detail}).`
        : `The test runner broke: ${detail}`,
    });
    return;
  }
  post({ type: 'result', id, ms: Math.round(performance.now() - t0), ...out });
}

// The harness, in Python, run once in its own namespace; the worker calls its run().
const HARNESS = String.raw`
import ast, builtins, inspect, io, json, linecache, os, shutil, sys, time, traceback, types, warnings

LIMIT = 64 * 1024
TRUNCATED = "\n… (output truncated)\n"
SOLUTION, TESTS = "solution.py", "tests.py"
BASE = "/tmp/pyprep"
HOME = os.getcwd()
counter = 0


class Output(io.TextIOBase):
    """A stdout/stderr that keeps the first LIMIT characters of what is written."""

    encoding = "utf-8"
    errors = "strict"

    def __init__(self, name):
        self.name = "<" + name + ">"
        self.parts = []
        self.size = 0
        self.truncated = False
        self.buffer = Bytes(self)

    def writable(self):
        return True

    def isatty(self):
        return False

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not " + type(s).__name__)
        if not self.truncated:
            room = LIMIT - self.size
            if len(s) <= room:
                self.parts.append(s)
                self.size += len(s)
            else:
                self.parts.append(s[:room])
                self.size = LIMIT
                self.truncated = True
        return len(s)

    def flush(self):
        pass

    def value(self):
        text = "".join(self.parts)
        return text + TRUNCATED if self.truncated else text


class Bytes(io.RawIOBase):
    """sys.stdout.buffer: bytes written are decoded into the text stream."""

    def __init__(self, text):
        self.text = text

    def writable(self):
        return True

    def write(self, b):
        self.text.write(bytes(b).decode("utf-8", "replace"))
        return len(b)


def no_input(prompt=""):
    sys.stdout.write(str(prompt))
    raise EOFError("input() is not available here: your code gets no keyboard input when it runs")


builtins.input = no_input
BUILTINS = dict(builtins.__dict__)


def readable(name):
    words = name[len("test_"):].replace("_", " ").strip()
    return words[:1].upper() + words[1:] if words else name


def label(fn, name):
    doc = inspect.getdoc(fn) if callable(fn) else None
    for line in (doc or "").splitlines():
        if line.strip():
            return line.strip()
    return readable(name)


def test_names(tree):
    names = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test_"):
            if node.name not in names:
                names.append(node.name)
    return names


def ours(frame_summary):
    return frame_summary.filename in (SOLUTION, TESTS)


def trim(te, seen=None):
    """Keeps only solution.py and tests.py frames, in the exception and its chain."""
    seen = seen if seen is not None else set()
    if te is None or id(te) in seen:
        return
    seen.add(id(te))
    te.stack = traceback.StackSummary.from_list([f for f in te.stack if ours(f)])
    trim(te.__cause__, seen)
    trim(te.__context__, seen)
    for sub in te.exceptions or ():
        trim(sub, seen)


def solution_line(tb):
    line = None
    for frame, lineno in traceback.walk_tb(tb):
        if frame.f_code.co_filename == SOLUTION:
            line = lineno
    return line


def summary(e):
    lines = traceback.format_exception_only(type(e), e)
    if isinstance(e, SyntaxError):
        return lines[-1].strip()
    return "".join(lines).strip()


def formatted(e):
    te = traceback.TracebackException(type(e), e, e.__traceback__, compact=True)
    trim(te)
    return "".join(te.format())


def assert_source(e, sources):
    """The failing assert statement, for an AssertionError without a message."""
    last = None
    for frame, lineno in traceback.walk_tb(e.__traceback__):
        if frame.f_code.co_filename in sources:
            last = (frame.f_code.co_filename, lineno)
    if last is None:
        return None
    name, lineno = last
    source = sources[name]
    best = None
    try:
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Assert) and node.lineno <= lineno <= (node.end_lineno or node.lineno):
                if best is None or node.lineno >= best.lineno:
                    best = node
    except SyntaxError:
        pass
    if best is not None:
        text = ast.get_source_segment(source, best) or ""
    else:
        text = linecache.getline(name, lineno)
    return " ".join(text.split()) or None


def failure(e, sources):
    message = summary(e)
    if isinstance(e, AssertionError) and not e.args:
        where = assert_source(e, sources)
        if where:
            message = "AssertionError: " + where
    return message


def error(kind, e):
    if kind == "syntax":
        text = "".join(traceback.format_exception_only(type(e), e))
        line = e.lineno if getattr(e, "filename", None) == SOLUTION else None
    else:
        text = formatted(e)
        line = solution_line(e.__traceback__)
    return {"kind": kind, "summary": summary(e), "traceback": text, "line": line}


def call(fn):
    result = fn()
    if inspect.isawaitable(result):
        import asyncio

        async def wait():
            return await result

        result = asyncio.run(wait())
    return result


def is_clean_exit(e):
    return isinstance(e, SystemExit) and e.code in (None, 0)


def remember(name, source):
    linecache.cache[name] = (len(source), None, source.splitlines(True), name)


def write_files(work, files):
    for name, text in files.items():
        parts = [p for p in name.replace("\\", "/").split("/") if p not in ("", ".")]
        if not parts or ".." in parts or name.startswith("/"):
            raise ValueError("bad file name: " + repr(name))
        path = os.path.join(work, *parts)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)


def from_work(module, work):
    where = [getattr(module, "__file__", None) or ""]
    try:
        where += list(getattr(module, "__path__", None) or [])
    except Exception:
        pass
    return any(isinstance(p, str) and (p == work or p.startswith(work + "/")) for p in where)


def run(code, tests, files_json):
    global counter
    counter += 1
    shutil.rmtree(BASE, ignore_errors=True)
    work = BASE + "/run" + str(counter)
    os.makedirs(work)
    write_files(work, json.loads(files_json))

    sources = {SOLUTION: code, TESTS: tests}
    remember(SOLUTION, code)
    remember(TESTS, tests)

    main = types.ModuleType("__main__")
    ns = main.__dict__
    ns["__builtins__"] = builtins
    ns["__file__"] = work + "/" + SOLUTION

    saved = dict(
        stdout=sys.stdout, stderr=sys.stderr, stdin=sys.stdin, argv=sys.argv, path=list(sys.path),
        main=sys.modules.get("__main__"), modules=set(sys.modules), environ=dict(os.environ),
        recursion=sys.getrecursionlimit(), excepthook=sys.excepthook, displayhook=sys.displayhook,
        loggers=None,
    )
    if "logging" in sys.modules:
        saved["loggers"] = set(sys.modules["logging"].Logger.manager.loggerDict)
    out, err = Output("stdout"), Output("stderr")
    result = {"error": None, "tests": []}
    try:
        os.chdir(work)
        sys.stdout, sys.stderr, sys.stdin = out, err, io.StringIO("")
        sys.argv = [SOLUTION]
        sys.modules["__main__"] = main
        with warnings.catch_warnings():
            try:
                compiled = compile(code, SOLUTION, "exec", dont_inherit=True)
            except (SyntaxError, ValueError) as e:
                if not isinstance(e, SyntaxError):
                    e = SyntaxError(str(e))
                result["error"] = error("syntax", e)
                return finish(result, out, err)
            try:
                tests_compiled = compile(tests, TESTS, "exec", dont_inherit=True)
                names = test_names(ast.parse(tests))
            except (SyntaxError, ValueError) as e:
                if not isinstance(e, SyntaxError):
                    e = SyntaxError(str(e))
                result["error"] = error("syntax", e)
                return finish(result, out, err)
            # The learner's code, then the tests' definitions, in one namespace.
            for code_object in (compiled, tests_compiled):
                try:
                    exec(code_object, ns)
                except BaseException as e:
                    if not is_clean_exit(e):
                        result["error"] = error("error", e)
                        return finish(result, out, err)
            for name in names:
                fn = ns.get(name)
                if not callable(fn):
                    continue
                entry = {"name": name, "label": label(fn, name), "passed": True,
                         "message": "", "traceback": "", "line": None}
                t0 = time.perf_counter()
                try:
                    call(fn)
                except BaseException as e:
                    entry.update(passed=False, message=failure(e, sources), traceback=formatted(e),
                                 line=solution_line(e.__traceback__))
                entry["ms"] = round((time.perf_counter() - t0) * 1000, 1)
                result["tests"].append(entry)
        return finish(result, out, err)
    finally:
        sys.stdout, sys.stderr, sys.stdin = saved["stdout"], saved["stderr"], saved["stdin"]
        sys.argv = saved["argv"]
        sys.path[:] = saved["path"]
        if saved["main"] is not None:
            sys.modules["__main__"] = saved["main"]
        sys.setrecursionlimit(saved["recursion"])
        sys.excepthook, sys.displayhook = saved["excepthook"], saved["displayhook"]
        sys.settrace(None)
        sys.setprofile(None)
        os.environ.clear()
        os.environ.update(saved["environ"])
        os.chdir(HOME)
        restore_builtins()
        forget_modules(saved["modules"], work)
        reset_logging(saved["loggers"])


def finish(result, out, err):
    result["stdout"] = out.value()
    result["stderr"] = err.value()
    return json.dumps(result)


def restore_builtins():
    d = builtins.__dict__
    for k in [k for k in d if k not in BUILTINS]:
        del d[k]
    for k, v in BUILTINS.items():
        if d.get(k) is not v:
            d[k] = v


def forget_modules(before, work):
    for name in [n for n in sys.modules if n not in before]:
        module = sys.modules.get(name)
        if module is None or from_work(module, work):
            sys.modules.pop(name, None)
    for key in [k for k in sys.path_importer_cache if isinstance(k, str) and k.startswith(BASE)]:
        del sys.path_importer_cache[key]
    import importlib

    importlib.invalidate_caches()


def reset_logging(before):
    logging = sys.modules.get("logging")
    if logging is None:
        return
    root = logging.getLogger()
    for h in list(root.handlers):
        root.removeHandler(h)
    root.setLevel(logging.WARNING)
    manager = logging.Logger.manager
    for name in [n for n in manager.loggerDict if before is None or n not in before]:
        del manager.loggerDict[name]
    logging.disable(logging.NOTSET)

`;
