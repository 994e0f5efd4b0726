"""Benchmark of the bounded reader (cohorts/imports/bounds.py): how fast and how cheaply a hostile XLSX is refused,
beside what the reader of an earlier commit and a plain openpyxl read cost on the same file, and what the checks add
to a good file.

    .venv/bin/python bench/bounded_reader.py [--timeout 60] [--before COMMIT]

The files are built by hand (tests/cohorts/imports/spreadsheets.py), their giant cell streamed into the ZIP:
- « bomb »: 412 KB, whose cell A1 (a shared string) holds 400 MB of the letter A;
- « words »: a cell of 45 MB of words, packed 15 times only, so that it passes the ZIP checks and the streaming scan
  must find it;
- « good »: 10,000 real rows (bench/cohort_file.py), which every check must let through.

Each measurement runs in a fresh process, so its peak RSS is its own; « RSS before » is that process once Django is
set up, before reading. An unbounded read still running after --timeout seconds is stopped and reported as such.
Figures go to stdout and to bench/results/bounded_reader.md. Not a test: nothing here asserts a time.
"""

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# « before »: the code of an earlier commit, unpacked elsewhere, is imported instead of this tree's.
CODE = Path(os.environ.get("BENCH_CODE_ROOT", ROOT))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(CODE))
PYTHON = sys.executable
MB = 1024 * 1024


def build(kind, path):
    from tests.cohorts.imports.spreadsheets import GIANT, write_xlsx

    headers = ["promotion", "ville", "prenom", "nom", "email"]
    if kind == "bomb":
        write_xlsx(path, [[[GIANT, *headers[1:]], ["Promo", "Paris", "Awa", "Diallo", "awa@example.org"]]],
                   giant=400 * MB)
    elif kind == "words":
        write_words(path, headers, 45 * MB)
    else:
        from openpyxl import Workbook

        from bench.cohort_file import HEADERS, rows

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet()
        sheet.append(HEADERS)
        for row in rows(10_000):
            sheet.append(row)
        workbook.save(path)


def write_words(path, headers, size):
    """An XLSX whose cell B2 holds ``size`` characters of words drawn from a small vocabulary (packs about 15:1)."""
    from tests.cohorts.imports.spreadsheets import GIANT, write_xlsx

    rng = random.Random(4)
    words = [b"emploi ", b"reseau ", b"cuisine ", b"logistique ", b"chantier ", b"confiance ", b"coach ", b"cdi "]

    def text():
        left = size
        while left > 0:
            block = b"".join(rng.choices(words, k=20_000))[:left]
            yield block
            left -= len(block)

    write_xlsx(path, [[headers, ["Promo", GIANT, "Awa", "Diallo", "awa@example.org"]]], giant_text=text())


def child(step, file_path):
    """Read the file in this process, bounded or not, and print the figures as JSON."""
    import resource

    import django

    django.setup()
    data = Path(file_path).read_bytes()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    if step in ("bounded", "before"):
        from cohorts.imports.runner import read

        table, failure = read("cohort", data, Path(file_path).name)
        result = failure.file_errors[0][:140] if failure else f"read: {len(table.rows)} rows"
    elif step == "checks":
        from cohorts.imports.bounds import check_xlsx_texts, open_archive

        open_archive(data)
        check_xlsx_texts(data)
        result = "the ZIP directory and the streaming scan only"
    else:
        import io

        from openpyxl import load_workbook

        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        longest = max(len(value) for row in workbook.worksheets[0].iter_rows(values_only=True)
                      for value in row if isinstance(value, str))
        result = f"read; its longest cell has {longest:,} characters"
    print(json.dumps({
        "seconds": round(time.perf_counter() - started, 3),
        "rss_before_mb": round(before),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "result": result,
    }))


def run_child(step, file_path, timeout, before_code):
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="cms.settings.test")
    if step == "before":
        env["BENCH_CODE_ROOT"] = str(before_code)
    try:
        output = subprocess.run([PYTHON, __file__, "--child", step, "--file", str(file_path)], env=env,
                                cwd=before_code if step == "before" else ROOT,
                                capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"seconds": f"> {timeout}", "rss_before_mb": "", "peak_rss_mb": "", "result": "stopped: too long"}
    if output.returncode:
        return {"seconds": "", "rss_before_mb": "", "peak_rss_mb": "",
                "result": f"crashed: {output.stderr.strip().splitlines()[-1][:120]}"}
    return json.loads(output.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--timeout", type=int, default=60)
    parser.add_argument("--before", default="5a9989c",
                        help="the commit whose reader « before » measures (default: the one before the bounds)")
    parser.add_argument("--child")
    parser.add_argument("--file")
    args = parser.parse_args()
    if args.child:
        child(args.child, args.file)
        return

    lines = [
        "# Bounded reader benchmark: hostile XLSX files refused before they are parsed",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"{time.strftime('%Y-%m-%d %H:%M')}. Limits: 50 MB unpacked, 100:1 per part over 1 MB, 10,000 characters "
        "per cell.",
        "",
        f"Readers: « bounded » is `cohorts.imports.runner.read` now; « before » the same function at {args.before}, "
        "before the bounds; « openpyxl » a plain read-only openpyxl read of every value (what « before » does "
        "first); « checks » the ZIP directory and the streaming scan alone.",
        "",
        "| file | size | reader | seconds | RSS before (MB) | peak RSS (MB) | result |",
        "|---|---|---|---|---|---|---|",
    ]
    with tempfile.TemporaryDirectory() as folder:
        before_code = Path(folder) / "before"
        before_code.mkdir()
        archive = subprocess.run(["git", "archive", args.before], cwd=ROOT, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(before_code)], input=archive, check=True)
        for kind, steps in (("bomb", ("bounded", "before", "openpyxl")), ("words", ("bounded", "before", "openpyxl")),
                            ("good", ("checks", "bounded", "before", "openpyxl"))):
            path = Path(folder) / f"{kind}.xlsx"
            build(kind, path)
            for step in steps:
                figures = run_child(step, path, args.timeout, before_code)
                lines.append(f"| {kind} | {path.stat().st_size / 1000:,.0f} KB | {step} | {figures['seconds']} | "
                             f"{figures['rss_before_mb']} | {figures['peak_rss_mb']} | {figures['result']} |")
                print(lines[-1], flush=True)
    out = ROOT / "bench" / "results" / "bounded_reader.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text("\n".join(lines) + "\n")
    print(f"Written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
