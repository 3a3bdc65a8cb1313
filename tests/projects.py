"""Helpers for the tests that render answer sets and run the projects."""

import os
import subprocess
import sys

from generator import EXAMPLES
from generator.render import example_answers, example_names

from matrix import MATRIX

# Every answer set the slow tests render: the examples, then the matrix.
ANSWER_SETS = {name: example_answers(name) for name in example_names()} | MATRIX


def run(*command, cwd, timeout=1800):
    """Runs a command in `cwd` to completion and returns the result."""
    environment = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"}
    return subprocess.run(
        command,
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def run_python(*args, cwd, timeout=1800):
    """Runs this interpreter, so the tools of the test's own environment serve."""
    return run(sys.executable, *args, cwd=cwd, timeout=timeout)


def example_data(name):
    """The example's real (train, test) files, or None when it has none."""
    folder = EXAMPLES / name
    if (folder / "train.npz").is_file():
        return folder / "train.npz", folder / "test.npz"
    return None
