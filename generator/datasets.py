"""Turns the UEA archive sets in shared/data into the examples' data files.

The source files hold `x` (samples, steps, channels) right-padded with 0.0,
`lengths` and string labels `y`. An example's files hold one array per model
input, the class ids as `target`, and for variable-length inputs the real
lengths as `<input>_lengths`, which is the generated projects' own format.
"""

import numpy as np

from generator import say

# example name -> (source set, {input name: channels}, variable length?)
EXAMPLE_SOURCES = {
    "basic_motions": (
        "BasicMotions",
        {"accelerometer": [0, 1, 2], "gyroscope": [3, 4, 5]},
        False,
    ),
    "japanese_vowels": ("JapaneseVowels", {"coefficients": list(range(12))}, True),
}


def convert(source_dir, destination, inputs, variable_length):
    """Writes train.npz and test.npz for one example.

    Class ids follow the sorted labels of the training split, so the same
    label gets the same id in both files.
    """
    splits = {name: np.load(source_dir / f"{name}.npz") for name in ("train", "test")}
    labels = sorted(np.unique(splits["train"]["y"]))
    for split, source in splits.items():
        unknown = set(np.unique(source["y"])) - set(labels)
        if unknown:
            raise ValueError(f"{split}: labels {sorted(unknown)} are not in train")
        arrays = {"target": np.searchsorted(labels, source["y"]).astype("int32")}
        for name, channels in inputs.items():
            arrays[name] = source["x"][:, :, channels].astype("float32")
            if variable_length:
                arrays[f"{name}_lengths"] = source["lengths"].astype("int32")
        np.savez_compressed(destination / f"{split}.npz", **arrays)
        say(f"wrote {destination / f'{split}.npz'}: {len(source['y'])} samples")
    return labels
