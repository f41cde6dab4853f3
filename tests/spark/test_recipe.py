"""Tests the README's Spark recipe (spark_batch.py) with PySpark in local mode.

    python test_recipe.py PARIDAD_BINARY

Run by .ci/run with the virtual environment's Python (PySpark from PyPI, a JRE from Debian).
On a manifest of a few hundred lines made by make_manifest.py, with a missing file, malformed
lines and more:
1. the recipe's output, sorted by "line", equals `paridad batch`'s on the same manifest, line
   for line, and every line of the manifest but the blank ones has its one record;
2. run again into the same output directory, the job is refused and the output is unchanged;
3. with a paridad that is SIGKILLed mid-partition, the job fails (non-zero exit, no
   _SUCCESS, no part file);
4. the recipe in README.md is this folder's spark_batch.py.
Prints what it measured; exits non-zero on the first failure.
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
RECIPE = os.path.join(HERE, "spark_batch.py")
LINES = 300
KILL_AFTER = 20  # output lines a killed paridad writes before SIGKILL


def fail(message):
    print(f"spark recipe test: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def spark_submit(binary, manifest, output, log):
    """Runs the recipe with `binary` shipped as `paridad`; returns (exit code, seconds)."""
    bindir = os.path.dirname(sys.executable)
    command = [
        os.path.join(bindir, "spark-submit"),
        "--master", "local[2]",
        "--conf", "spark.ui.enabled=false",
        "--conf", "spark.log.level=WARN",
        "--conf", f"spark.local.dir={os.path.dirname(output)}",
        "--files", binary,
        RECIPE, manifest, output,
    ]
    env = dict(os.environ, SPARK_LOCAL_IP="127.0.0.1", PYSPARK_PYTHON=sys.executable)
    start = time.monotonic()
    with open(log, "w") as f:
        code = subprocess.run(command, stdout=f, stderr=subprocess.STDOUT, env=env).returncode
    return code, time.monotonic() - start


def records(lines):
    parsed = [json.loads(l) for l in lines]
    if any(not isinstance(r.get("line"), int) for r in parsed):
        fail("a record without its line")
    return sorted(zip((r["line"] for r in parsed), lines))


def read_output(output):
    parts = sorted(p for p in os.listdir(output) if p.startswith("part-"))
    lines = []
    for part in parts:
        with open(os.path.join(output, part), encoding="utf-8") as f:
            lines.extend(l.rstrip("\n") for l in f)
    return parts, lines


def killing_wrapper(folder, real):
    """A `paridad` that runs the real one and SIGKILLs it after KILL_AFTER lines of output."""
    os.makedirs(folder)
    path = os.path.join(folder, "paridad")
    with open(path, "w") as f:
        f.write(f"""#!{sys.executable}
import os, signal, subprocess, sys
child = subprocess.Popen([{real!r}] + sys.argv[1:], stdout=subprocess.PIPE)
for n, line in enumerate(child.stdout, 1):
    sys.stdout.buffer.write(line)
    sys.stdout.buffer.flush()
    if n == {KILL_AFTER}:
        child.send_signal(signal.SIGKILL)
        break
child.wait()
sys.stdout.flush()
if child.returncode < 0:
    os.kill(os.getpid(), -child.returncode)  # die as paridad died
sys.exit(child.returncode)
""")
    os.chmod(path, 0o755)
    return path


def readme_recipe():
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    start = readme.find("```python\n# spark_batch.py")
    if start < 0:
        fail("README.md has no ```python block starting with # spark_batch.py")
    start += len("```python\n")
    return readme[start : readme.index("```", start)]


def main():
    paridad = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="paridad-spark-")
    try:
        # 4. The README shows the recipe tested here.
        with open(RECIPE, encoding="utf-8") as f:
            if readme_recipe() != f.read():
                fail("README.md's recipe differs from tests/spark/spark_batch.py")

        manifest = os.path.join(work, "manifest.jsonl")
        subprocess.run(
            [sys.executable, os.path.join(HERE, "make_manifest.py"),
             os.path.join(ROOT, "seeds"), manifest, str(LINES)],
            check=True,
        )
        with open(manifest, encoding="utf-8") as f:
            numbers = [n for n, l in enumerate(f, 1) if l.strip()]

        # paridad batch on the whole manifest, one thread as in a task: the expected output,
        # and the memory of one task's paridad.
        # GNU time, where there, gives paridad's own peak (a Python child's peak would count
        # the forked Python's memory before the exec).
        timer = ["/usr/bin/time", "-f", "%M"] if os.path.exists("/usr/bin/time") else []
        run = subprocess.run(timer + [paridad, "batch", "--jobs", "1", manifest],
                             capture_output=True, text=True)
        if run.returncode != 0:
            fail(f"paridad batch failed: {run.stderr}")
        plain = run.stdout.splitlines()
        peak = f"{int(run.stderr.split()[-1]) / 1024:.1f} MiB" if timer else "not measured"
        expected = records(plain)
        if [n for n, _ in expected] != numbers:
            fail("paridad batch did not give one record per non-blank line")
        errors = sum('"error"' in l and '"report"' not in l for l in plain)
        if not 0 < errors < len(plain):
            fail(f"the manifest should give reports and errors, got {errors} errors")

        # 1. The recipe gives the same records.
        output = os.path.join(work, "reports")
        code, seconds = spark_submit(paridad, manifest, output, os.path.join(work, "run.log"))
        if code != 0:
            fail(f"spark-submit exited {code}; see {work}/run.log")
        if not os.path.exists(os.path.join(output, "_SUCCESS")):
            fail("no _SUCCESS after a successful job")
        parts, lines = read_output(output)
        got = records(lines)
        if got != expected:
            diff = [(a, b) for a, b in zip(got, expected) if a != b][:1]
            fail(f"{len(got)} records from Spark, {len(expected)} from paridad batch; first "
                 f"difference: {diff}")
        if len(parts) < 2:
            fail(f"expected several partitions, got {parts}")
        print(f"spark recipe: {len(lines)} records from {len(parts)} partitions equal paridad "
              f"batch's ({errors} errors), {seconds:.1f} s; paridad batch --jobs 1 on the "
              f"manifest: peak RSS {peak}")

        # 2. A rerun into the same directory is refused and leaves it as it was.
        code, seconds = spark_submit(paridad, manifest, output, os.path.join(work, "rerun.log"))
        with open(os.path.join(work, "rerun.log")) as f:
            said = f.read()
        if code == 0 or "already exists" not in said:
            fail(f"a rerun into {output} should be refused (exit {code})")
        if read_output(output) != (parts, lines):
            fail("the refused rerun changed the output")
        print(f"spark recipe: a rerun into the same directory is refused (exit {code}, "
              f"{seconds:.1f} s)")

        # 3. A paridad killed mid-partition fails the job.
        wrapper = killing_wrapper(os.path.join(work, "killer"), paridad)
        killed = os.path.join(work, "killed")
        code, seconds = spark_submit(wrapper, manifest, killed, os.path.join(work, "kill.log"))
        with open(os.path.join(work, "kill.log")) as f:
            said = f.read()
        if code == 0:
            fail("the job succeeded although paridad was killed")
        if os.path.exists(os.path.join(killed, "_SUCCESS")):
            fail("_SUCCESS written although paridad was killed")
        if os.path.isdir(killed) and any(p.startswith("part-") for p in os.listdir(killed)):
            fail("the failed job left part files behind")
        if f"paridad batch exited with -{signal.SIGKILL.value}" not in said:
            fail(f"the job failed, but not because paridad was killed: see {work}/kill.log")
        print(f"spark recipe: a paridad killed after {KILL_AFTER} lines fails the job (exit "
              f"{code}, no _SUCCESS, no part file, {seconds:.1f} s)")
    except SystemExit:
        print(f"spark recipe test: work folder kept: {work}", file=sys.stderr)
        raise
    shutil.rmtree(work)
    print("spark recipe test: ok")


if __name__ == "__main__":
    main()
