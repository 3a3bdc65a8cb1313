"""The data sets the speed benchmark trains on, each with its answers.

Two are examples of this repository with real data: basic_motions (fixed
length) and japanese_vowels (7 to 29 steps). The third is synthetic and
skewed: most recordings are short and a few run to 400 steps, which is where
padding every batch to the longest recording costs the most.
"""

import json
import shutil
from dataclasses import dataclass

import numpy as np

from generator import EXAMPLES
from generator.render import example_answers

SKEWED_STEPS = 400
SKEWED_FEATURES = 3

SKEWED_ANSWERS = {
    "project_name": "Skewed lengths",
    "package_name": "skewed_lengths",
    "description": "Tells the sign of a noisy level from recordings of skewed lengths.",
    "inputs": [
        {
            "name": "series",
            "kind": "variable_series",
            "max_timesteps": SKEWED_STEPS,
            "features": SKEWED_FEATURES,
            "branch": "lstm",
            "units": [64],
        }
    ],
    "fusion": "concatenate",
    "head_units": [],
    "task": "binary",
    "batch_size": 32,
}


@dataclass
class Case:
    """One benchmark: answers to render and the data to train on.

    Attributes:
        name: The case's name, also the function in tutorial.py.
        answers: The answers the project is rendered from.
        epochs: How many epochs are timed, after one warm-up epoch.
        variable_length: Whether the inputs vary in length.
    """

    name: str
    answers: dict
    epochs: int
    variable_length: bool

    def write_data(self, folder, num_samples=None):
        """Writes train.npz, test.npz and case.json into `folder`.

        `num_samples` sizes the synthetic training set (a quarter of it again
        for testing); the examples' real files are copied as they are.
        """
        folder.mkdir(parents=True)
        if self.name == "skewed_lengths":
            rng = np.random.default_rng(0)
            num_train = num_samples or 2048
            train, test = skewed_arrays(rng, num_train, num_train // 4)
            np.savez(folder / "train.npz", **train)
            np.savez(folder / "test.npz", **test)
        else:
            for split in ("train", "test"):
                shutil.copy(EXAMPLES / self.name / f"{split}.npz", folder)
        case = {"name": self.name, "package_name": self.answers["package_name"]}
        (folder / "case.json").write_text(json.dumps(case))


def skewed_arrays(rng, num_train, num_test):
    """Noisy recordings whose level in [-1, 1] sets the binary target.

    Lengths follow a log-normal law around 20 steps, cut to 4 to 400: half
    the recordings are under 20 steps and about one in a hundred over 200.
    Both sets are padded to the longest recording of the two.

    Returns:
        The training and test arrays, each a dict of `series` and `target`.
    """
    num_samples = num_train + num_test
    lengths = rng.lognormal(np.log(20), 1.0, num_samples).round()
    lengths = np.clip(lengths, 4, SKEWED_STEPS).astype("int64")
    steps = np.arange(lengths.max())[None, :, None]
    level = rng.uniform(-1.0, 1.0, num_samples)
    noise = rng.normal(0.0, 1.0, (num_samples, lengths.max(), SKEWED_FEATURES))
    real = steps < lengths[:, None, None]
    series = np.where(real, level[:, None, None] + noise, 0.0).astype("float32")
    target = (level > 0).astype("int32")
    return (
        {"series": series[:num_train], "target": target[:num_train]},
        {"series": series[num_train:], "target": target[num_train:]},
    )


CASES = [
    Case("basic_motions", example_answers("basic_motions"), 20, False),
    Case("japanese_vowels", example_answers("japanese_vowels"), 20, True),
    Case("skewed_lengths", SKEWED_ANSWERS, 5, True),
]
