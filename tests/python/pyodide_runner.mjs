// Runs Python examples on Pyodide (CPython compiled to WebAssembly, from the npm registry), so
// every stdlib-only example of the bank is also checked on the CPython that Pyodide ships.
//
//   node --experimental-wasm-stack-switching tests/python/pyodide_runner.mjs < examples.json
//
// stdin: a JSON list of {where, code, files: {name: content}}. stdout: a first line
// {"version": "3.14.2"}, then one JSON line per example, in order:
// {"where", "status": "pass" | "fail" | "unsupported", "output"}.
// "unsupported" is only what WebAssembly cannot do (start a thread or a process) and names it.
//
// Each example runs like `python test_example.py` in a fresh directory of Pyodide's in-memory
// file system, as `__main__`, with its files written beside it. `runPythonAsync` plus V8's
// stack switching lets `asyncio.run` work. Pyodide loads once, in a worker thread; an example
// that runs past the time limit has its worker terminated, and a fresh one takes the rest.
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { readFileSync } from "node:fs";

const TIMEOUT_MS = Number(process.env.PYPREP_EXAMPLE_TIMEOUT_MS) || 60_000;
const LOAD_TIMEOUT_MS = 120_000;

// Errors that say the platform lacks threads or processes, not that the example is wrong.
const LIMITS = [
  [/RuntimeError: can't start new thread/, "threads"],
  [/emscripten does not support processes/, "processes"],
  [/No module named '_multiprocessing'/, "processes"],
  [/lacks multiprocessing\.synchronize/, "processes"],
];

const RUN = `
import os, runpy, sys
os.makedirs(folder, exist_ok=True)
for name, content in files.items():
    with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
        f.write(content)
script = os.path.join(folder, "test_example.py")
with open(script, "w", encoding="utf-8") as f:
    f.write(code)
os.chdir(folder)
sys.argv = [script]
sys.path.insert(0, folder)
try:
    runpy.run_path(script, run_name="__main__")
except SystemExit as e:
    if e.code not in (None, 0):
        # Re-raised as SystemExit it would escape Pyodide's event loop and kill the worker.
        raise RuntimeError(f"the script exited with status {e.code!r}") from None
finally:
    sys.stdout.flush()
    sys.stderr.flush()
    sys.path.remove(folder)
    os.chdir("/")
    for name, module in list(sys.modules.items()):
        if (getattr(module, "__file__", None) or "").startswith(folder):
            del sys.modules[name]
`;

async function worker() {
  const { loadPyodide } = await import("pyodide");
  let output = [];
  const py = await loadPyodide({
    stdout: (s) => output.push(s),
    stderr: (s) => output.push(s),
  });
  parentPort.postMessage({ type: "ready", version: py.runPython("import platform; platform.python_version()") });
  const { examples, start } = workerData;
  for (let i = start; i < examples.length; i++) {
    const ex = examples[i];
    parentPort.postMessage({ type: "start", i });
    output = [];
    const globals = py.toPy({ folder: `/tmp/example-${i}`, files: ex.files ?? {}, code: ex.code });
    let status = "pass";
    try {
      await py.runPythonAsync(RUN, { globals });
    } catch (e) {
      const text = String(e.message ?? e);
      output.push(text);
      const limit = LIMITS.find(([re]) => re.test(text));
      status = limit ? "unsupported" : "fail";
      if (limit) output.unshift(`needs ${limit[1]}, which WebAssembly lacks`);
    } finally {
      globals.destroy();
    }
    parentPort.postMessage({ type: "result", i, status, output: output.join("\n").slice(-3000) });
  }
  parentPort.postMessage({ type: "done" });
}

function emit(line) {
  process.stdout.write(JSON.stringify(line) + "\n");
}

async function main() {
  const examples = JSON.parse(readFileSync(0, "utf-8"));
  let next = 0;
  let announced = false;
  while (next < examples.length) {
    next = await new Promise((resolve) => {
      const w = new Worker(new URL(import.meta.url), { workerData: { examples, start: next } });
      let current = next;
      let ready = false;
      let settled = false;
      let timer = setTimeout(() => fail("Pyodide did not load in time"), LOAD_TIMEOUT_MS);
      // Ends this worker: the example running is failed; if Pyodide never loaded, all the rest.
      const fail = (why) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        w.terminate();
        const last = ready ? current + 1 : examples.length;
        for (let i = current; i < last; i++) {
          emit({ where: examples[i].where, status: "fail", output: why });
        }
        resolve(last);
      };
      w.on("message", (m) => {
        if (m.type === "ready") {
          ready = true;
          if (!announced) emit({ version: m.version });
          announced = true;
        } else if (m.type === "start") {
          current = m.i;
          clearTimeout(timer);
          timer = setTimeout(() => fail(`timed out after ${TIMEOUT_MS / 1000}s`), TIMEOUT_MS);
        } else if (m.type === "result") {
          clearTimeout(timer);
          emit({ where: examples[m.i].where, status: m.status, output: m.output });
        } else if (m.type === "done") {
          settled = true;
          clearTimeout(timer);
          w.terminate();
          resolve(examples.length);
        }
      });
      w.on("error", (e) => fail(`the Pyodide worker crashed: ${e.message}`));
    });
  }
}

if (isMainThread) await main();
else await worker();
