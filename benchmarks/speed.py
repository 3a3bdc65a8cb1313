"""Training speed of generated projects against hand-written Keras scripts.

    python benchmarks/speed.py            # every case; about 4 minutes on 2 cores
    python benchmarks/speed.py --quick    # two timed epochs, a smaller skewed set

For each case in cases.py this renders a project from the repository's last
commit and times the render, then times its `train.py --epochs 1` from the
render to its exit. It then trains the generated project and the hand-written
baseline of tutorial.py side by side, each in a process of its own, one
epoch each in turn (the order alternating), so that both meet the same load
on the machine. Throughput is the training samples of an epoch divided by
the median time of the timed epochs, after one warm-up epoch that is not
counted. The tables are printed in Markdown.
"""

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
# The template's tooling lives beside this folder; no need to install it.
sys.path.insert(0, str(BENCHMARKS.parent))

from cases import CASES  # noqa: E402

from generator import say  # noqa: E402
from generator.render import render  # noqa: E402

# The contender the others are compared to.
BASELINE = "tutorial"
QUIET = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"}


class Worker:
    """A contender's process, driven one command at a time (see worker.py)."""

    def __init__(self, contender, folder):
        self.contender = contender
        self.log = open(folder / f"{contender}.log", "w")
        self.process = subprocess.Popen(
            [sys.executable, str(BENCHMARKS / "worker.py"), contender, str(folder)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.log,
            text=True,
            env=QUIET,
        )

    def ask(self, command=None):
        """Sends a command, if any, and returns the worker's answer as a dict."""
        if command:
            self.process.stdin.write(command + "\n")
            self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            self.process.wait()
            self.log.close()
            log = Path(self.log.name).read_text()
            raise RuntimeError(f"{self.contender} stopped:\n{log[-3000:]}")
        return json.loads(line)

    def close(self):
        self.process.wait()
        self.log.close()


def machine():
    """The machine's processors and memory, as /proc tells them."""
    cpu = platform.processor() or "unknown"
    with open("/proc/cpuinfo") as file:
        for line in file:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as file:
        kilobytes = int(file.readline().split()[1])
    return f"{os.cpu_count()} CPUs ({cpu}), {kilobytes / 2**20:.1f} GiB memory"


def load_average():
    """The load averages over 1, 5 and 15 minutes."""
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def first_epoch(project, folder):
    """Runs the project's train.py for one epoch on the case's files.

    Returns:
        `(seconds, peak_rss_mb)` of the run, from its start to its exit.
    """
    command = [sys.executable, "train.py", "--epochs", "1"]
    command += ["--data", str(folder / "train.npz")]
    command += ["--eval-data", str(folder / "test.npz")]
    command += ["--output-dir", str(folder / "first-epoch")]
    start = time.perf_counter()
    with open(folder / "first-epoch.log", "w") as log:
        process = subprocess.Popen(
            command, cwd=project, stdout=log, stderr=log, env=QUIET
        )
        _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        text = (folder / "first-epoch.log").read_text()
        raise RuntimeError(f"train.py failed:\n{text[-3000:]}")
    return seconds, usage.ru_maxrss / 1024


def race(folder, contenders, epochs):
    """Trains the contenders in turn, an epoch each, and collects their figures.

    Returns:
        A dict of contender to its figures: `parameters`, `samples`, `steps`,
        `seconds` (each timed epoch), `accuracy` and `peak_rss_mb`.
    """
    workers = [Worker(contender, folder) for contender in contenders]
    figures = {worker.contender: worker.ask() | {"seconds": []} for worker in workers}
    parameters = {name: figure["parameters"] for name, figure in figures.items()}
    if len(set(parameters.values())) > 1:
        raise RuntimeError(f"the models differ in their parameters: {parameters}")
    for round_number in range(1 + epochs):
        turn = workers if round_number % 2 == 0 else workers[::-1]
        for worker in turn:
            seconds = worker.ask("epoch")["seconds"]
            if round_number > 0:  # the first epoch warms up
                figures[worker.contender]["seconds"].append(seconds)
    for worker in workers:
        figures[worker.contender].update(worker.ask("finish"))
        worker.close()
    return figures


def run_case(case, template, folder, epochs, num_samples):
    """Renders, times and races one case; returns its rows for the tables."""
    case.write_data(folder, num_samples)
    start = time.perf_counter()
    render(case.answers, folder / "project", template=template)
    render_seconds = time.perf_counter() - start
    train_seconds, train_peak = first_epoch(folder / "project", folder)
    project_row = {
        "case": case.name,
        "render": render_seconds,
        "first_epoch": render_seconds + train_seconds,
        "peak_rss_mb": train_peak,
    }

    contenders = ["generated", BASELINE]
    if not case.variable_length:
        contenders.insert(1, "generated-xla")
    figures = race(folder, contenders, epochs)
    baseline = statistics.median(figures[BASELINE]["seconds"])
    rows = []
    for contender, figure in figures.items():
        median = statistics.median(figure["seconds"])
        rows.append(
            {
                "case": case.name,
                "contender": contender,
                **figure,
                "median": median,
                "throughput": figure["samples"] / median,
                "speedup": baseline / median,
            }
        )
    return project_row, rows


def print_tables(project_rows, rows):
    print("\n| case | render | render to first epoch | train.py peak RSS |")
    print("|---|---|---|---|")
    for row in project_rows:
        print(
            f"| {row['case']} | {row['render']:.1f} s | {row['first_epoch']:.1f} s "
            f"| {row['peak_rss_mb']:.0f} MB |"
        )
    print(
        "\n| case | contender | steps per epoch | epoch (median) | samples/s "
        "| vs tutorial | test accuracy | peak RSS |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for row in rows:
        print(
            f"| {row['case']} | {row['contender']} | {row['steps']:,} "
            f"| {row['median']:.3f} s | {row['throughput']:.0f} "
            f"| {row['speedup']:.2f}x | {row['accuracy']:.3f} "
            f"| {row['peak_rss_mb']:.0f} MB |"
        )


def print_targets(rows):
    """Says whether the generated projects meet the speed targets."""
    generated = {row["case"]: row for row in rows if row["contender"] == "generated"}
    checks = [
        ("fixed length, throughput >= 1.0x", "basic_motions", 1.0),
        ("skewed lengths, throughput >= 1.5x", "skewed_lengths", 1.5),
    ]
    print()
    for label, name, target in checks:
        if name in generated:
            speedup = generated[name]["speedup"]
            verdict = "met" if speedup >= target else "NOT met"
            print(f"target {label}: {speedup:.2f}x, {verdict}")
    if "skewed_lengths" in generated:
        share = 1 / generated["skewed_lengths"]["speedup"]
        verdict = "met" if share <= 2 / 3 else "NOT met"
        print(f"target skewed epoch <= 2/3 of padded: {share:.2f} of it, {verdict}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="two timed epochs and 512 skewed samples, to try the script out",
    )
    parser.add_argument("--cases", nargs="+", choices=[case.name for case in CASES])
    args = parser.parse_args()

    say(f"machine: {machine()}")
    say(f"load average before: {load_average()}")
    project_rows, rows = [], []
    with tempfile.TemporaryDirectory(prefix="speed-") as temporary:
        # A clone holds the last commit only: Copier would render uncommitted
        # changes of a working copy too.
        template = Path(temporary) / "template"
        clone = ["git", "clone", "--quiet", str(BENCHMARKS.parent), str(template)]
        subprocess.run(clone, check=True)
        for case in CASES:
            if args.cases and case.name not in args.cases:
                continue
            say(f"{case.name}: rendering, one epoch of train.py, then the race")
            epochs = 2 if args.quick else case.epochs
            num_samples = 512 if args.quick else None
            folder = Path(temporary) / case.name
            project_row, case_rows = run_case(
                case, template, folder, epochs, num_samples
            )
            project_rows.append(project_row)
            rows += case_rows
    say(f"load average after: {load_average()}")
    print(f"\nmachine: {machine()}")
    print_tables(project_rows, rows)
    print_targets(rows)


if __name__ == "__main__":
    main()
