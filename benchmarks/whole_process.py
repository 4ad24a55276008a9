"""Whole-process figures are taken as an installed package runs: with its modules' bytecode compiled.

pip compiles a package's bytecode when it installs it, and Python writes it on a first run; this machine sets
PYTHONDONTWRITEBYTECODE=1, so a checkout would otherwise recompile every module in every process (about 50 ms
for a command, more for the app), a cost no installed copy pays. The baselines (pydantic, Textual) come
precompiled from pip, so this compares like with like.
"""

from __future__ import annotations

import compileall
import statistics
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "jiebei_tui"


def compile_package() -> None:
    compileall.compile_dir(PACKAGE, quiet=1)
    print("(jiebei_tui's bytecode compiled first, as an installed package has it: see benchmarks/whole_process.py)")


def median_ms(argv: list[str], runs: int, before: Callable[[], None] | None = None) -> float:
    """The median time of `runs` fresh processes running argv (`before` runs ahead of each, untimed)."""
    times = []
    for _ in range(runs):
        if before:
            before()
        t0 = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)
