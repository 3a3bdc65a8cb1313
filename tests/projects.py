"""Helpers for the tests that render answer sets and run the projects."""

import os
import subprocess
import sys

from generator.demo import example_files
from generator.render import example_answers, example_names

from matrix import MATRIX


def answers_of(entry):
    """A matrix entry's Copier answers: all but its `id` and `all_tests`."""
    return {
        key: value for key, value in entry.items() if key not in ("id", "all_tests")
    }


# Every answer set the slow tests render, by id: the examples, then the matrix.
ANSWER_SETS = {name: example_answers(name) for name in example_names()} | {
    entry["id"]: answers_of(entry) for entry in MATRIX
}

# The sets whose generated tests all run. The others skip those their project
# marks slow, which train in processes of their own (resuming after a kill,
# two devices, two workers) and depend little on the answers: that keeps the
# suite well inside its time on 2 cores.
ALL_TESTS = set(example_names()) | {
    entry["id"] for entry in MATRIX if entry.get("all_tests")
}

# Quiets TensorFlow's C++ logging, and keeps Python from writing __pycache__
# folders into a project whose files the tests compare.
ENVIRONMENT = {"TF_CPP_MIN_LOG_LEVEL": "2", "PYTHONDONTWRITEBYTECODE": "1"}


def run_python(*args, cwd, timeout=1800):
    """Runs this interpreter in `cwd`, so the test's own environment serves.

    Black, ruff and pytest run as `python -m ...` for the same reason: CI's
    fresh virtual environment provides them, not whatever is on the PATH.
    """
    return subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        env={**os.environ, **ENVIRONMENT},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def output_of(result, limit=6000):
    """The end of a finished command's output, for an assertion message."""
    return (result.stdout[-limit:] + "\n" + result.stderr[-limit:]).strip()


def example_data(name):
    """The example's real (train, test) files, or None when it has none."""
    return example_files(name)
