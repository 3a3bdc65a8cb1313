"""The baseline: each benchmark's model written by hand, as a tutorial would.

One plain function per case. The data is read with NumPy, variable-length
series are padded to the longest recording of the whole data set and masked,
and the model is trained with `model.fit` on the arrays. Each function
returns `(model, (x_train, y_train), (x_test, y_test), batch_size)`.
"""

import keras
import numpy as np
from keras import layers


def load(path, names):
    """Reads the named input arrays and the target from an NPZ file."""
    with np.load(path) as data:
        return {name: data[name] for name in names}, data["target"]


def pad(series, steps):
    """Zero-pads a (samples, steps, features) array on the right to `steps`."""
    return np.pad(series, [(0, 0), (0, steps - series.shape[1]), (0, 0)])


def basic_motions(folder):
    names = ["accelerometer", "gyroscope"]
    x_train, y_train = load(folder / "train.npz", names)
    x_test, y_test = load(folder / "test.npz", names)

    accelerometer = keras.Input(shape=(100, 3), name="accelerometer")
    gyroscope = keras.Input(shape=(100, 3), name="gyroscope")
    x = layers.Concatenate()(
        [layers.LSTM(64)(accelerometer), layers.LSTM(64)(gyroscope)]
    )
    outputs = layers.Dense(4, activation="softmax")(x)
    model = keras.Model(inputs=[accelerometer, gyroscope], outputs=outputs)
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=0.001),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model, (x_train, y_train), (x_test, y_test), 4


def japanese_vowels(folder):
    x_train, y_train = load(folder / "train.npz", ["coefficients"])
    x_test, y_test = load(folder / "test.npz", ["coefficients"])
    # Pad every recording to the longest one, in training or test data.
    steps = max(x_train["coefficients"].shape[1], x_test["coefficients"].shape[1])
    x_train["coefficients"] = pad(x_train["coefficients"], steps)
    x_test["coefficients"] = pad(x_test["coefficients"], steps)

    inputs = keras.Input(shape=(steps, 12), name="coefficients")
    x = layers.Masking(mask_value=0.0)(inputs)
    x = layers.Bidirectional(layers.LSTM(64))(x)
    outputs = layers.Dense(9, activation="softmax")(x)
    model = keras.Model(inputs=inputs, outputs=outputs)
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=0.001),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model, (x_train, y_train), (x_test, y_test), 16


def skewed_lengths(folder):
    x_train, y_train = load(folder / "train.npz", ["series"])
    x_test, y_test = load(folder / "test.npz", ["series"])
    steps = max(x_train["series"].shape[1], x_test["series"].shape[1])
    x_train["series"] = pad(x_train["series"], steps)
    x_test["series"] = pad(x_test["series"], steps)

    inputs = keras.Input(shape=(steps, 3), name="series")
    x = layers.Masking(mask_value=0.0)(inputs)
    x = layers.LSTM(64)(x)
    outputs = layers.Dense(1, activation="sigmoid")(x)
    model = keras.Model(inputs=inputs, outputs=outputs)
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=0.001),
        loss="binary_crossentropy",
        metrics=["accuracy"],
    )
    return model, (x_train, y_train), (x_test, y_test), 32
