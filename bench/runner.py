"""Runs the benchmark's commands, each in its own process, and times them.

Wall time is what a user waits; CPU time (user + system, of the process and its children)
is what the work itself used, and is steadier on a shared machine. Every command's output
goes to a log file in the work folder, which a failure names.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass
class Run:
    """One command: how long it took, and whether it worked."""

    wall: float
    cpu: float
    status: int
    log: str

    @property
    def ok(self) -> bool:
        return self.status == 0

    def output(self) -> str:
        return Path(self.log).read_text(encoding="utf-8", errors="replace")


class Runner:
    """Runs commands in `work`, logging each; remembers which ones failed."""

    def __init__(self, work: Path):
        self.work = work
        self.failures: list[str] = []

    def run(self, label: str, command: list[str]) -> Run:
        log = self.work / "logs" / f"{label}.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        with log.open("w", encoding="utf-8") as out:
            status = subprocess.run(
                command, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT
            ).returncode
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        run = Run(wall, cpu, status, str(log))
        if not run.ok:
            self.fail(f"{label} exited {status}; see {log}:\n{_tail(log)}")
        return run

    def best(self, label: str, command: list[str], runs: int) -> Run:
        """The fastest of `runs` runs: the slower ones were slowed by the machine, not by us."""
        results = [self.run(f"{label}-{i}", command) for i in range(runs)]
        return min(results, key=lambda r: (not r.ok, r.wall))

    def fail(self, message: str) -> None:
        self.failures.append(message)

    def handbook(self, root: Path, *args: str) -> list[str]:
        return [*_handbook_command(), "--root", str(root), *args]


def _handbook_command() -> list[str]:
    script = Path(sys.executable).with_name("handbook")
    return [str(script)] if script.exists() else [sys.executable, "-m", "handbook.cli"]


def _tail(log: Path, lines: int = 15) -> str:
    return "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


def say(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)
