"""Turns real data sets into the examples' data files.

The UEA archive sets in shared/data hold `x` (samples, steps, channels)
right-padded with 0.0, `lengths` and string labels `y`. An example's files
hold one array per model input, the class ids as `target`, and for
variable-length inputs the real lengths as `<input>_lengths`, which is the
generated projects' own format.

The Mauna Loa CO2 series comes from the statsmodels package, which bundles
it, so converting it downloads nothing; the example keeps it as CSV tables.
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


# The co2_weekly example: its target is the rise over this many weeks.
CO2_HORIZON = 4
# The first week of its test table; earlier weeks train.
CO2_TEST_START = "1992-01-01"


def convert_co2(destination):
    """Writes train.csv and test.csv for the co2_weekly example.

    Each row is one week of the Mauna Loa record: the date, the CO2
    concentration (empty in the weeks without a measurement), the week of the
    year as a point on a circle, and the rise of the concentration over the
    four weeks that end that week (empty where either end is missing).

    Returns:
        The number of rows of each table, as a dict.
    """
    try:
        from statsmodels.datasets import co2
    except ImportError:
        raise FileNotFoundError(
            "the CO2 series comes from statsmodels: pip install statsmodels"
        ) from None
    series = co2.load_pandas().data["co2"]
    angle = 2 * np.pi * series.index.dayofyear.to_numpy() / 365.25
    frame = series.rename("co2").to_frame()
    frame["week_sin"] = np.sin(angle).round(6)
    frame["week_cos"] = np.cos(angle).round(6)
    frame["co2_rise"] = (series - series.shift(CO2_HORIZON)).round(2)
    frame.index = frame.index.strftime("%Y-%m-%d")
    frame.index.name = "date"
    parts = {
        "train": frame[frame.index < CO2_TEST_START],
        "test": frame[frame.index >= CO2_TEST_START],
    }
    for split, part in parts.items():
        part.to_csv(destination / f"{split}.csv")
        gaps = int(part["co2"].isna().sum())
        say(f"wrote {destination / f'{split}.csv'}: {len(part)} weeks, {gaps} gaps")
    return {split: len(part) for split, part in parts.items()}
