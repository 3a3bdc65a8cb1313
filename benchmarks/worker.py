"""One contender of a speed comparison, in a process of its own.

    python benchmarks/worker.py CONTENDER CASE_FOLDER

CONTENDER is `generated` (the rendered project's `build_model` and
`make_dataset`, set up as its train.py does), `generated-xla` (the same with
`--jit-compile`) or `tutorial` (the hand-written baseline in tutorial.py).
The case folder holds train.npz, test.npz, case.json and the rendered
project in project/.

The worker sets its model and data up and says so, then follows commands read
from stdin, one a line, answering each with one JSON line on stdout:
`epoch` trains one epoch and answers how long it took; `finish` evaluates on
the test file and answers the accuracy and the process's peak memory.
"""

import importlib
import json
import os
import resource
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import keras
import tensorflow as tf
import tutorial


class EpochTimer(keras.callbacks.Callback):
    """Times the training part of each epoch, from its start to its end."""

    def on_epoch_begin(self, epoch, logs=None):
        self.start = time.perf_counter()

    def on_epoch_end(self, epoch, logs=None):
        self.seconds = time.perf_counter() - self.start


@dataclass
class Contender:
    """A model ready to train, and what the benchmark reports of its data.

    Attributes:
        model: The compiled model.
        fit: Trains one epoch; takes the callbacks.
        evaluate: Returns the metrics on the test file as a dict.
        num_samples: Training samples per epoch.
        steps: Time steps, padding included, in the series of an epoch.
    """

    model: keras.Model
    fit: Callable
    evaluate: Callable
    num_samples: int
    steps: int


def set_up_generated(folder, jit_compile):
    """The rendered project's model and datasets, set up as its train.py does."""
    package = json.loads((folder / "case.json").read_text())["package_name"]
    sys.path.insert(0, str(folder / "project"))
    data = importlib.import_module(f"{package}.data")
    build_model = importlib.import_module(f"{package}.model").build_model
    defaults = importlib.import_module("train").parse_args([])

    keras.utils.set_random_seed(0)
    if not jit_compile:
        tf.config.experimental.enable_op_determinism()
    train_inputs, train_target = data.load_arrays(folder / "train.npz")
    test_inputs, test_target = data.load_arrays(folder / "test.npz")
    model = build_model(learning_rate=defaults.learning_rate)
    model.jit_compile = jit_compile
    train = data.make_dataset(
        train_inputs, train_target, defaults.batch_size, shuffle=True, seed=0
    )
    test = data.make_dataset(test_inputs, test_target, defaults.batch_size)
    return Contender(
        model,
        fit=lambda callbacks: model.fit(
            train, epochs=1, verbose=0, callbacks=callbacks
        ),
        evaluate=lambda: model.evaluate(test, return_dict=True, verbose=0),
        # Each sample once, as for the tutorial: the few samples that fill the
        # generated project's last batch up are extra work, not counted.
        num_samples=len(train_target),
        steps=steps_per_epoch(inputs for inputs, _ in train),
    )


def set_up_tutorial(folder):
    """The hand-written model of the case and its NumPy arrays."""
    name = json.loads((folder / "case.json").read_text())["name"]
    keras.utils.set_random_seed(0)
    model, (x_train, y_train), (x_test, y_test), batch_size = getattr(tutorial, name)(
        folder
    )
    return Contender(
        model,
        fit=lambda callbacks: model.fit(
            x_train,
            y_train,
            batch_size=batch_size,
            epochs=1,
            verbose=0,
            callbacks=callbacks,
        ),
        evaluate=lambda: model.evaluate(
            x_test, y_test, batch_size=batch_size, return_dict=True, verbose=0
        ),
        num_samples=len(y_train),
        steps=steps_per_epoch([x_train]),
    )


def steps_per_epoch(batches):
    """How many time steps, padding included, the series in `batches` hold."""
    return sum(
        int(array.shape[0] * array.shape[1])
        for inputs in batches
        for array in inputs.values()
        if len(array.shape) == 3
    )


def main():
    contender, folder = sys.argv[1], Path(sys.argv[2])
    # Keep stdout for the answers: anything else printed goes to stderr.
    answers = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)

    def answer(**values):
        answers.write(json.dumps(values) + "\n")

    if contender == "tutorial":
        ready = set_up_tutorial(folder)
    else:
        ready = set_up_generated(folder, jit_compile=contender == "generated-xla")
    answer(
        parameters=ready.model.count_params(),
        samples=ready.num_samples,
        steps=ready.steps,
    )
    timer = EpochTimer()
    for command in sys.stdin:
        if command.strip() == "epoch":
            ready.fit([timer])
            answer(seconds=timer.seconds)
        elif command.strip() == "finish":
            accuracy = ready.evaluate()["accuracy"]
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            answer(accuracy=accuracy, peak_rss_mb=peak)
            return


if __name__ == "__main__":
    main()
