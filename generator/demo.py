"""Renders an example and trains it on its real data: the template end to end."""

import json
import subprocess
import sys
from pathlib import Path

from generator import EXAMPLES, say
from generator.render import example_answers, render


def run_demo(name, destination, epochs=None):
    """Renders example `name` into `destination`, trains it and reports.

    Returns:
        The evaluation metrics on the example's test file, as a dict.
    """
    answers = example_answers(name)
    data = EXAMPLES / name
    if not (data / "train.npz").is_file():
        raise FileNotFoundError(f"example {name!r} ships no train.npz/test.npz")
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
        str(data / "train.npz"),
        "--eval-data",
        str(data / "test.npz"),
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
        say(f"{name}: test accuracy {accuracy:.4f} on {data / 'test.npz'}")
    else:
        say(f"{name}: test metrics {metrics}")
    return metrics
