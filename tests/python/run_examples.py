#!/usr/bin/env python3
"""Execute every Python example in the question bank, so a wrong claim fails a test.

Usage: python run_examples.py [questions.json ...]

Run it with the interpreter of the venv that `tests/python/requirements.txt` describes
(`scripts/test.sh` builds it); each example runs in that interpreter, in a fresh temporary
directory, with a time limit.

What is executed:
- every fenced block whose info string is `python` in a question's `answer`, and in a
  challenge's `approach`;
- `python pytest` blocks run under `python -m pytest` (they hold test functions);
- `python syntax-only: <reason>` blocks are only compiled; the reason is mandatory;
- each challenge's `solution` followed by its `tests` and a small driver that calls every
  `test_*` function in definition order (as the app's challenge view does) and fails naming
  the test and its message, then calls each test again alone in a fresh namespace, to show
  that no test depends on another; the `sample_file` (if any) is written into the working
  directory first;
- each challenge's `starter` followed by the same tests: it must compile and every test must
  fail, raising NotImplementedError or failing an assert, which shows that the tests exercise
  the code and that the starter has every name they use.
Any other info string that starts with `py` is an error: say `python` or say what it is.

Before anything runs, each challenge's shape is checked with `ast`: its tests are 3 to 8
`def test_<name>():` functions, each opening with a one-line docstring (its label on screen),
and at top level only imports, constants and helper definitions (never an assert); its
starter defines every top-level function and class of the solution, with the same parameter
names, and every public or dunder method of its classes.

Every example that runs as a script and imports only the standard library is then run a second
time on Pyodide (CPython 3.14, compiled to WebAssembly; npm `pyodide`, under Node) by
`pyodide_runner.mjs`, so the bank is checked on two CPython versions. There an example that
starts a thread or a process is reported as needing what WebAssembly lacks, not as passed;
a challenge's tests must also finish within TESTS_BUDGET_S seconds there, as the browser runs
them under a time limit. Examples that import third-party packages, `pytest` blocks and the
starter checks run on the venv only.
The closing line gives the total and both interpreters' counts.
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

TIMEOUT_S = 60
# The tests of one challenge, all together, on Pyodide: the browser runs them under a limit of
# a few seconds, on the learner's machine.
TESTS_BUDGET_S = 3.0
MIN_TESTS, MAX_TESTS = 3, 8
HERE = os.path.dirname(os.path.abspath(__file__))
PYODIDE_RUNNER = os.path.join(HERE, "pyodide_runner.mjs")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")


@dataclass
class Example:
    where: str
    code: str
    mode: str  # "run", "pytest", "compile" or "starter" (a run on the venv only)
    files: dict[str, str] = field(default_factory=dict)


def fenced_blocks(markdown: str):
    """Yield (info, code) for each fenced block; raise ValueError on an unclosed fence."""
    lines = markdown.split("\n")
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        fence, info = m.group(1), m.group(2).strip()
        body = []
        i += 1
        while i < len(lines):
            close = FENCE.match(lines[i])
            if close and close.group(1)[0] == fence[0] and len(close.group(1)) >= len(fence) and not close.group(2).strip():
                break
            body.append(lines[i])
            i += 1
        else:
            raise ValueError(f"unclosed ``` fence (opened with info {info!r})")
        yield info, "\n".join(body) + "\n"
        i += 1


# Appended to a challenge's solution (or starter) and tests; EXPECT is "pass" or "fail".
DRIVER = r'''

def _pyprep_run_tests(expect):
    """Calls the test_* functions in definition order, as the challenge view does."""
    import inspect, sys, time, traceback

    tests = [(name, fn) for name, fn in list(globals().items())
             if name.startswith("test_") and inspect.isfunction(fn)]
    problems = []
    if len(tests) < MIN_TESTS:
        problems.append(f"only {len(tests)} test_ functions; a challenge needs at least {MIN_TESTS}")
    start = time.perf_counter()
    for name, fn in tests:
        label = (fn.__doc__ or "").strip()
        try:
            fn()
            error = None
        except Exception as e:
            error = e
        if expect == "pass" and error is None:
            print(f"pass {name}: {label}")
        elif expect == "pass":
            print(f"FAIL {name}: {label}")
            print("".join(traceback.format_exception(error, limit=-3)).rstrip())
            problems.append(f"{name} failed: {type(error).__name__}: {error}")
        elif error is None:
            problems.append(f"{name} passes on the starter, so it does not exercise the code")
        elif isinstance(error, (NotImplementedError, AssertionError)):
            print(f"fails as it should on the starter: {name} ({type(error).__name__})")
        else:
            print("".join(traceback.format_exception(error, limit=-3)).rstrip())
            problems.append(f"{name} raised {type(error).__name__} on the starter, not "
                            f"NotImplementedError or a failed assert: {error}")
    elapsed = time.perf_counter() - start
    print(f"{len(tests)} tests in {elapsed:.2f} s on {sys.implementation.name} {sys.platform}")
    if expect == "pass" and sys.platform == "emscripten" and elapsed > TESTS_BUDGET_S:
        problems.append(f"the tests took {elapsed:.2f} s on Pyodide; the budget is {TESTS_BUDGET_S} s")
    if expect == "pass" and sys.platform != "emscripten" and not problems:
        # Each test again, alone, after a fresh run of the code above the driver.
        with open(__file__, encoding="utf-8") as f:
            source = f.read().split(DRIVER_MARK)[0]
        for name, _ in tests:
            namespace = {"__name__": "__main__", "__file__": __file__}
            try:
                exec(compile(source, __file__, "exec"), namespace)
                namespace[name]()
            except Exception as e:
                problems.append(f"{name} fails when run alone ({type(e).__name__}: {e}), so it "
                                "depends on another test")
    for p in problems:
        print(f"FAIL {p}")
    if problems:  # an exception, not sys.exit(): Pyodide reports it like any other failure
        raise AssertionError(f"{len(problems)} problem(s) with the tests: see FAIL above")


_pyprep_run_tests(EXPECT)
'''
DRIVER_MARK = "\n# --- test driver appended by run_examples.py ---\n"


def with_driver(code: str, expect: str) -> str:
    settings = (f"EXPECT, MIN_TESTS, TESTS_BUDGET_S = {expect!r}, {MIN_TESTS}, {TESTS_BUDGET_S}\n"
                f"DRIVER_MARK = {DRIVER_MARK!r}\n")
    return code.rstrip() + "\n\n" + DRIVER_MARK + settings + DRIVER


def signature(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> list[str]:
    a = fn.args
    names = [x.arg for x in a.posonlyargs + a.args]
    names += ["*" + a.vararg.arg] if a.vararg else []
    names += [x.arg for x in a.kwonlyargs]
    names += ["**" + a.kwarg.arg] if a.kwarg else []
    return names


def definitions(tree: ast.Module) -> dict[str, ast.AST]:
    return {n.name: n for n in tree.body
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}


def challenge_problems(challenge: dict) -> list[str]:
    """What is wrong with the shape of a challenge's tests and starter (see the docstring)."""
    problems = []
    try:
        tests = ast.parse(challenge["tests"])
    except SyntaxError as e:
        return [f"tests: SyntaxError: {e}"]
    names = []
    for node in tests.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test_"):
            names.append(node.name)
            doc = ast.get_docstring(node)
            if not doc or "\n" in doc.strip():
                problems.append(f"tests: {node.name} does not open with a one-line docstring")
            if signature(node):
                problems.append(f"tests: {node.name} takes parameters; it is called with none")
        elif not (isinstance(node, (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.ClassDef,
                                    ast.Assign, ast.AnnAssign))
                  or isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
                  and isinstance(node.value.value, str)):
            problems.append(f"tests: line {node.lineno}: top-level {type(node).__name__}; only "
                            "imports, constants and helpers belong outside a test function")
    if not MIN_TESTS <= len(names) <= MAX_TESTS:
        problems.append(f"tests: {len(names)} test_ functions, expected {MIN_TESTS} to {MAX_TESTS}")
    if len(set(names)) != len(names):
        problems.append("tests: a test_ name is defined twice, so only one of them would run")
    starter_text = challenge.get("starter", "")
    if not starter_text.strip():
        return problems + ["starter: missing or empty"]
    try:
        starter = ast.parse(starter_text)
        solution = ast.parse(challenge["solution"])
    except SyntaxError as e:
        return problems + [f"starter or solution: SyntaxError: {e}"]
    have = definitions(starter)
    for name, node in definitions(solution).items():
        got = have.get(name)
        if got is None or isinstance(got, ast.ClassDef) != isinstance(node, ast.ClassDef):
            problems.append(f"starter: does not define {name}, which the solution defines")
        elif isinstance(node, ast.ClassDef):
            methods = definitions(ast.Module(body=got.body, type_ignores=[]))
            for m_name, m in definitions(ast.Module(body=node.body, type_ignores=[])).items():
                public = not m_name.startswith("_") or (m_name.startswith("__") and m_name.endswith("__"))
                if public and m_name not in methods:
                    problems.append(f"starter: {name} has no method {m_name}")
                elif public and signature(m) != signature(methods[m_name]):
                    problems.append(f"starter: {name}.{m_name}{tuple(signature(methods[m_name]))} "
                                    f"differs from the solution's {tuple(signature(m))}")
        elif signature(node) != signature(got):
            problems.append(f"starter: {name}{tuple(signature(got))} differs from the solution's "
                            f"{tuple(signature(node))}")
    return problems


def examples_of(question: dict) -> list[Example]:
    qid = question.get("id", "?")
    out: list[Example] = []
    sources = [("answer", question.get("answer", ""))]
    challenge = question.get("challenge")
    if challenge:
        sources.append(("challenge.approach", challenge.get("approach", "")))
    for field_name, text in sources:
        for n, (info, code) in enumerate(fenced_blocks(text), start=1):
            where = f"{qid} {field_name} block {n}"
            lang = info.split()[0] if info else ""
            if info == "python":
                out.append(Example(where, code, "run"))
            elif info == "python pytest":
                out.append(Example(where, code, "pytest"))
            elif re.fullmatch(r"python syntax-only: \S.{9,}", info):
                out.append(Example(where, code, "compile"))
            elif lang.startswith("py"):
                raise ValueError(f"{where}: info string {info!r} is not one of "
                                 "'python', 'python pytest', 'python syntax-only: <reason>'")
    if challenge:
        problems = challenge_problems(challenge)
        if problems:
            raise ValueError("challenge: " + "; ".join(problems))
        files = {}
        sample = challenge.get("sample_file")
        if sample:
            files[sample["name"]] = sample["content"]
        tests = "\n\n\n" + challenge["tests"].rstrip() + "\n"
        out.append(Example(f"{qid} challenge solution+tests",
                           with_driver(challenge["solution"].rstrip() + tests, "pass"), "run", files))
        out.append(Example(f"{qid} challenge starter+tests",
                           with_driver(challenge["starter"].rstrip() + tests, "fail"), "starter", files))
    return out


def timing(output: str) -> str:
    """The driver's "N tests in X s" line, for the ok line of a challenge."""
    m = re.search(r"^(\d+ tests in \S+ s)", output, re.M)
    return f"; {m.group(1)}" if m else ""


def run(example: Example) -> tuple[Example, bool, str]:
    with tempfile.TemporaryDirectory(prefix="pyprep-ex-") as tmp:
        for name, content in example.files.items():
            with open(os.path.join(tmp, name), "w", encoding="utf-8") as f:
                f.write(content)
        script = os.path.join(tmp, "test_example.py")
        with open(script, "w", encoding="utf-8") as f:
            f.write(example.code)
        if example.mode == "compile":
            try:
                compile(example.code, example.where, "exec")
                return example, True, ""
            except SyntaxError as e:
                return example, False, f"SyntaxError: {e}"
        cmd = [sys.executable, script]
        if example.mode == "pytest":
            cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", script]
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONUTF8="1")
        try:
            p = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True,
                               timeout=TIMEOUT_S, env=env, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            return example, False, f"timed out after {TIMEOUT_S}s"
        return example, p.returncode == 0, (p.stdout + p.stderr)[-3000:]


def stdlib_only(example: Example) -> bool:
    """A script whose imports are all standard library (as this interpreter knows it)."""
    if example.mode != "run":
        return False
    try:
        tree = ast.parse(example.code)
    except SyntaxError:
        return True  # let Pyodide report it too
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        if any(n.split(".")[0] not in sys.stdlib_module_names for n in names):
            return False
    return True


def run_on_pyodide(examples: list[Example]) -> tuple[str, list[tuple[Example, str, str]]]:
    """Runs the examples on Pyodide; returns its Python version and (example, status, output)."""
    node = shutil.which("node")
    if not node:
        return "?", [(e, "fail", "node is not on PATH") for e in examples]
    payload = json.dumps([{"where": e.where, "code": e.code, "files": e.files} for e in examples])
    # Stack switching lets asyncio.run() work under runPythonAsync.
    p = subprocess.run([node, "--experimental-wasm-stack-switching", PYODIDE_RUNNER],
                       input=payload, capture_output=True, text=True,
                       cwd=os.path.dirname(os.path.dirname(HERE)))
    lines = [json.loads(l) for l in p.stdout.splitlines() if l.startswith("{")]
    version = next((l["version"] for l in lines if "version" in l), "?")
    results = {l["where"]: (l["status"], l["output"]) for l in lines if "where" in l}
    missing = f"no result (exit {p.returncode}): {p.stderr[-2000:]}"
    return version, [(e, *results.get(e.where, ("fail", missing))) for e in examples]


def schema_errors(bank: dict, path: str) -> list[str]:
    """Validates against questions.schema.json when it sits beside the bank."""
    schema_path = os.path.join(os.path.dirname(os.path.abspath(path)), "questions.schema.json")
    if not os.path.exists(schema_path) or "categories" not in bank:
        return []
    import jsonschema  # from tests/python/requirements.txt

    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft202012Validator(schema)
    return [f"{path}: schema: /{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator.iter_errors(bank)]


def main(paths: list[str]) -> int:
    examples: list[Example] = []
    errors: list[str] = []
    passed = 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            bank = json.load(f)
        found = schema_errors(bank, path)
        errors.extend(found)
        if not found and "categories" in bank:
            print(f"ok   {path} matches questions.schema.json")
            passed += 1
        for q in bank.get("questions", []):
            try:
                examples.extend(examples_of(q))
            except ValueError as e:
                errors.append(f"{q.get('id', '?')}: {e}")
    failed = 0
    for e in errors:
        print(f"FAIL {e}")
        failed += 1
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        for example, ok, output in pool.map(run, examples):
            if ok:
                passed += 1
                print(f"ok   {example.where} ({example.mode}{timing(output)})")
            else:
                failed += 1
                print(f"FAIL {example.where} ({example.mode})\n" + "\n".join("     " + l for l in output.splitlines()))
    host = f"CPython {sys.version.split()[0]}: {passed} passed, {failed} failed"

    on_wasm = [e for e in examples if stdlib_only(e)]
    version, results = run_on_pyodide(on_wasm)
    count = {"pass": 0, "fail": 0, "unsupported": 0}
    for example, status, output in results:
        count[status] += 1
        label = f"{example.where} (Pyodide {version}"
        if status == "pass":
            print(f"ok   {label}{timing(output)})")
        elif status == "unsupported":
            print(f"skip {label}): {output.splitlines()[0]}")
        else:
            print(f"FAIL {label})\n" + "\n".join("     " + l for l in output.splitlines()))
    passed += count["pass"]
    failed += count["fail"]
    wasm = (f"Pyodide CPython {version}: {count['pass']} passed, {count['fail']} failed, "
            f"{count['unsupported']} need threads or processes")
    starters = sum(e.mode == "starter" for e in examples)
    venv_only = len(examples) - len(on_wasm) - starters
    print(f"examples: {passed} passed, {failed} failed ({host}; {wasm}; on the venv only: "
          f"{venv_only} using third-party packages or pytest, {starters} starter checks)")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["questions.json"]))
