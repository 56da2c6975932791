#!/usr/bin/env python3
"""Execute every Python example in the question bank, so a wrong claim fails a test.

Usage: python run_examples.py [questions.json ...]

Run it with the interpreter of the venv that `tests/python/requirements.txt` describes
(`scripts/test.sh` builds it); each example runs in that interpreter, in a fresh temporary
directory, with a time limit.

What is executed:
- every fenced block whose info string is `python` in a question's `answer`, and in a
  coding challenge's `approach`;
- `python pytest` blocks run under `python -m pytest` (they hold test functions);
- `python syntax-only: <reason>` blocks are only compiled; the reason is mandatory;
- each coding challenge's `solution` followed by its `tests`, with its `sample_file`
  (if any) written into the working directory first.
Any other info string that starts with `py` is an error: say `python` or say what it is.

Every example that runs as a script and imports only the standard library is then run a second
time on Pyodide (CPython 3.14, compiled to WebAssembly; npm `pyodide`, under Node) by
`pyodide_runner.mjs`, so the bank is checked on two CPython versions. There an example that
starts a thread or a process is reported as needing what WebAssembly lacks, not as passed;
examples that import third-party packages, and `pytest` blocks, run on the venv only.
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
HERE = os.path.dirname(os.path.abspath(__file__))
PYODIDE_RUNNER = os.path.join(HERE, "pyodide_runner.mjs")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")


@dataclass
class Example:
    where: str
    code: str
    mode: str  # "run", "pytest" or "compile"
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
        files = {}
        sample = challenge.get("sample_file")
        if sample:
            files[sample["name"]] = sample["content"]
        code = challenge["solution"].rstrip() + "\n\n\n" + challenge["tests"].rstrip() + "\n"
        out.append(Example(f"{qid} challenge solution+tests", code, "run", files))
    return out


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
                print(f"ok   {example.where} ({example.mode})")
            else:
                failed += 1
                print(f"FAIL {example.where} ({example.mode})\n" + "\n".join("     " + l for l in output.splitlines()))
    host = f"CPython {sys.version.split()[0]}: {passed} passed, {failed} failed"

    on_wasm = [e for e in examples if stdlib_only(e)]
    version, results = run_on_pyodide(on_wasm)
    count = {"pass": 0, "fail": 0, "unsupported": 0}
    for example, status, output in results:
        count[status] += 1
        label = f"{example.where} (Pyodide {version})"
        if status == "pass":
            print(f"ok   {label}")
        elif status == "unsupported":
            print(f"skip {label}: {output.splitlines()[0]}")
        else:
            print(f"FAIL {label}\n" + "\n".join("     " + l for l in output.splitlines()))
    passed += count["pass"]
    failed += count["fail"]
    wasm = (f"Pyodide CPython {version}: {count['pass']} passed, {count['fail']} failed, "
            f"{count['unsupported']} need threads or processes")
    venv_only = len(examples) - len(on_wasm)
    print(f"examples: {passed} passed, {failed} failed ({host}; {wasm}; "
          f"{venv_only} use third-party packages or pytest, so run on the venv only)")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["questions.json"]))
