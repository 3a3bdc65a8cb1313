"""Renders an example and trains it on its real data: the template end to end."""

import json
import subprocess
import sys
from pathlib import Path

import numpy as np

from generator import EXAMPLES, say
from generator.render import example_answers, render

# The data files an example may ship, in the generated projects' formats.
DATA_SUFFIXES = (".npz", ".csv", ".parquet")


def example_files(name):
    """The example's real (train, test) files, or None when it has none."""
    for suffix in DATA_SUFFIXES:
        train = EXAMPLES / name / f"train{suffix}"
        if train.is_file():
            return train, train.with_name(f"test{suffix}")
    return None


def naive_errors(answers, test_file):
    """Mean absolute errors of two naive forecasts on a time-series test table.

    The windows are those the generated project cuts, with the target column
    `horizon` rows after each window's last row; windows whose target is
    missing are left out, as `target_missing: drop` does.

    Returns:
        A dict: "zero", the error of predicting 0 (for a target that is a
        change, the error of keeping the last value), and "last value", the
        error of repeating the target column's value at the window's end.
    """
    import pandas as pd

    if test_file.suffix == ".csv":
        frame = pd.read_csv(test_file)
    else:
        frame = pd.read_parquet(test_file)
    column = frame[answers["target_column"]].to_numpy("float64")
    rows = max(
        [spec["timesteps"] for spec in answers["inputs"] if spec["kind"] == "series"]
        or [1]
    )
    horizon = answers.get("horizon", 1)
    ends = np.arange(rows - 1, len(column) - horizon)
    future, now = column[ends + horizon], column[ends]
    known = ~np.isnan(future)
    return {
        "zero": float(np.mean(np.abs(future[known]))),
        "last value": float(np.nanmean(np.abs(future[known] - now[known]))),
    }


def run_demo(name, destination, epochs=None):
    """Renders example `name` into `destination`, trains it and reports.

    Returns:
        The evaluation metrics on the example's test file, as a dict.
    """
    answers = example_answers(name)
    files = example_files(name)
    if files is None:
        raise FileNotFoundError(f"example {name!r} ships no train and test files")
    train_file, test_file = files
    destination = Path(destination).resolve()
    if destination.exists() and any(destination.iterdir()):
        if not (destination / ".copier-answers.yml").is_file():
            raise FileExistsError(
                f"{destination} exists and is not a rendered project; "
                "choose another --dest"
            )
    say(f"rendering examples/{name} into {destination}")
    render(answers, destination)
    command = [
        sys.executable,
        "train.py",
        "--data",
        str(train_file),
        "--eval-data",
        str(test_file),
        "--output-dir",
        "outputs",
        # The test file doubles as validation data here, so nothing may be
        # chosen by it: train the answers' number of epochs and report the last.
        "--no-early-stopping",
        "--no-reduce-lr",
    ]
    if epochs is not None:
        command += ["--epochs", str(epochs)]
    say(f"training: {' '.join(command[1:])}")
    subprocess.run(command, cwd=destination, check=True)
    metrics = json.loads((destination / "outputs" / "metrics.json").read_text())
    accuracy = metrics.get("accuracy")
    if accuracy is not None:
        say(f"{name}: test accuracy {accuracy:.4f} on {test_file}")
    else:
        say(f"{name}: test metrics {metrics} on {test_file}")
    if answers.get("data_format") == "timeseries" and "mae" in metrics:
        naive = naive_errors(answers, test_file)
        say(
            f"{name}: test mae {metrics['mae']:.4f}; naive forecasts: predicting 0 "
            f"{naive['zero']:.4f}, repeating the last {answers['target_column']} "
            f"{naive['last value']:.4f}"
        )
    return metrics
