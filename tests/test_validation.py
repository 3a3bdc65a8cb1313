"""The answers' validators: a bad answer set is refused before anything is
written, with a message that names the input, the field, what was expected
and what was received; good answers near the limits still render."""

import ast
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import copier
import pytest
import tomllib
import yaml

ROOT = Path(__file__).resolve().parents[1]
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "Validation test",
    "GIT_AUTHOR_EMAIL": "validation@example.invalid",
    "GIT_COMMITTER_NAME": "Validation test",
    "GIT_COMMITTER_EMAIL": "validation@example.invalid",
}


def series(name="prices", **keys):
    return {"name": name, "kind": "series", "timesteps": 30, "features": 1, **keys}


def variable(name="steps", **keys):
    return {
        "name": name,
        "kind": "variable_series",
        "max_timesteps": 30,
        "features": 2,
        **keys,
    }


def tokens(name="tokens", **keys):
    return {
        "name": name,
        "kind": "token_ids",
        "sequence_length": 30,
        "vocabulary_size": 1000,
        "embedding_dim": 16,
        **keys,
    }


def text(name="review", **keys):
    return {**tokens(name, **keys), "kind": "text"}


def numeric(name="features", **keys):
    return {"name": name, "kind": "numeric", "features": 4, **keys}


def without(spec, *keys):
    return {key: value for key, value in spec.items() if key not in keys}


def bad(case_id, answers, fragment):
    return pytest.param(answers, fragment, id=case_id)


BAD_ANSWERS = [
    # Input names.
    bad(
        "name-not-identifier",
        {"inputs": [series("daily prices")]},
        "inputs[0].name must be a Python identifier (ASCII letters, digits and _, not"
        ' starting with a digit) such as "prices"; received "daily prices"',
    ),
    bad(
        "name-trailing-newline",
        {"inputs": [series("prices\n")]},
        "inputs[0].name must be a Python identifier",
    ),
    bad(
        "name-keyword",
        {"inputs": [series("lambda")]},
        'inputs[0].name must not be a Python keyword; received "lambda"',
    ),
    bad(
        "name-savez-file",
        {"inputs": [series("file")]},
        "inputs[0] (file).name must not be one of file, allow_pickle, args, notes",
    ),
    bad(
        "name-savez-allow-pickle",
        {"inputs": [numeric("allow_pickle")]},
        "inputs[0] (allow_pickle).name must not be one of file, allow_pickle, args,"
        " notes: the generated code saves arrays with np.savez",
    ),
    bad(
        "name-savez-args",
        {"inputs": [series(), numeric("args")]},
        "inputs[1] (args).name must not be one of file, allow_pickle, args, notes",
    ),
    bad(
        "name-ends-with-lengths",
        {"inputs": [variable("steps_lengths")]},
        "inputs[0] (steps_lengths).name must not end with _lengths",
    ),
    bad(
        "name-too-long",
        {"inputs": [series("p" * 33)]},
        f".name must be at most 32 characters long, so that generated lines stay short;"
        f' received "{"p" * 33}" (33 characters)',
    ),
    bad(
        "name-keras-layer",
        {"inputs": [numeric("dense_1")]},
        "inputs[0] (dense_1).name must not be a name Keras gives its own layers",
    ),
    bad(
        "name-missing",
        {"inputs": [without(series(), "name")]},
        "inputs[0] needs a name, such as name: prices",
    ),
    bad(
        "name-duplicate-ignoring-case",
        {"inputs": [series("prices"), series("Prices")]},
        "inputs[1] (Prices).name repeats the name of inputs[0] (prices); every input"
        ' needs its own name (compared ignoring case); received "Prices"',
    ),
    bad(
        "name-taken-by-embedding-layer",
        {"inputs": [tokens("words"), numeric("words_embedding")]},
        "inputs[1] (words_embedding).name is already the name of the embedding layer"
        " of inputs[0] (words)",
    ),
    # target_name.
    bad(
        "target-equals-input",
        {"inputs": [series("target")], "target_name": "target"},
        'target_name "target" is also the name of inputs[0] (target)',
    ),
    bad(
        "target-equals-input-ignoring-case",
        {"inputs": [series("prices")], "target_name": "PRICES"},
        'target_name "PRICES" is also the name of inputs[0] (prices)',
    ),
    bad(
        "target-keyword",
        {"target_name": "class"},
        'target_name must not be a Python keyword; received "class"',
    ),
    bad(
        "target-savez-args",
        {"target_name": "args"},
        "target_name must not be one of file, allow_pickle, args, notes",
    ),
    bad(
        "target-ends-with-lengths",
        {"target_name": "label_lengths"},
        "target_name must not end with _lengths",
    ),
    bad(
        "target-taken-by-vectorizer",
        {"inputs": [text("review")], "target_name": "review_vectorizer"},
        'target_name "review_vectorizer" is already the name of the text vectorizer'
        " of inputs[0] (review)",
    ),
    # Kinds, keys and branches.
    bad(
        "kind-misspelt",
        {"inputs": [series(kind="seris")]},
        "inputs[0] (prices).kind must be one of series, variable_series, token_ids,"
        ' text, numeric; received "seris" (did you mean "series"?)',
    ),
    bad(
        "kind-unknown",
        {"inputs": [series(kind="image")]},
        "inputs[0] (prices).kind must be one of series, variable_series, token_ids,"
        ' text, numeric; received "image"',
    ),
    bad(
        "key-misspelt",
        {"inputs": [without(series(timestep=30), "timesteps")]},
        'inputs[0] (prices) has an unknown key "timestep" (did you mean "timesteps"?);'
        " a series input takes name, kind, timesteps, features, branch, units, dropout",
    ),
    bad(
        "key-abbreviated",
        {"inputs": [without(tokens(vocab_size=10), "vocabulary_size")]},
        'inputs[0] (tokens) has an unknown key "vocab_size" (did you mean'
        ' "vocabulary_size"?)',
    ),
    bad(
        "key-kind-misspelt",
        {"inputs": [{"name": "prices", "knd": "series"}]},
        'inputs[0] (prices) has an unknown key "knd" (did you mean "kind"?)',
    ),
    bad(
        "key-of-another-kind",
        {"inputs": [series(vocabulary_size=100)]},
        "inputs[0] (prices).vocabulary_size does not apply to a series input, which"
        " takes timesteps and features; received vocabulary_size: 100",
    ),
    bad(
        "key-required-missing",
        {"inputs": [without(tokens(), "embedding_dim")]},
        "inputs[0] (tokens) needs embedding_dim: a token_ids input takes"
        " sequence_length, vocabulary_size and embedding_dim, each a whole number",
    ),
    bad(
        "branch-misspelt",
        {"inputs": [series(branch="lstn")]},
        "inputs[0] (prices).branch must be one of lstm, gru, bidirectional_lstm,"
        " bidirectional_gru, none (none only under fusion: sequence) for a series"
        ' input; received "lstn" (did you mean "lstm"?)',
    ),
    bad(
        "branch-abbreviated",
        {"inputs": [series(branch="bigru")]},
        'received "bigru" (did you mean "bidirectional_gru"?)',
    ),
    bad(
        "branch-dense-on-series",
        {"inputs": [series(branch="dense")]},
        "inputs[0] (prices).branch must be one of lstm, gru, bidirectional_lstm,"
        " bidirectional_gru, none (none only under fusion: sequence) for a series"
        ' input; received "dense" (dense is for numeric inputs)',
    ),
    bad(
        "branch-recurrent-on-numeric",
        {"inputs": [numeric(branch="gru")]},
        'inputs[0] (features).branch must be dense for a numeric input; received "gru"'
        " (gru is for sequence inputs)",
    ),
    bad(
        "branch-none-without-sequence-fusion",
        {
            "inputs": [series("a"), series("b", branch="none")],
            "fusion": "concatenate",
        },
        "inputs[1] (b).branch is none, which passes the whole sequence on and only"
        " fusion: sequence accepts (received fusion: concatenate)",
    ),
    bad(
        "name-leading-underscore",
        {"inputs": [series("_prices")]},
        "inputs[0] (_prices).name must start with a letter and must not be self: the"
        " SavedModel export.py writes takes each input as an argument",
    ),
    bad(
        "name-self",
        {"inputs": [series("self")]},
        'received "self"',
    ),
    bad(
        "package-name-of-a-dependency",
        {"package_name": "matplotlib"},
        'package_name "matplotlib" would shadow the module matplotlib',
    ),
    bad(
        "package-name-of-copier",
        {"package_name": "copier"},
        'package_name "copier" would shadow the module copier',
    ),
    bad(
        "branch-none-on-text",
        {"inputs": [series(timesteps=30), text(branch="none")], "fusion": "sequence"},
        "inputs[1] (review).branch none passes a numeric series on as it is; a text"
        " input's padding steps would carry the embedding of id 0 into the shared LSTM,"
        " so it needs one of lstm, gru, bidirectional_lstm, bidirectional_gru;"
        " received none",
    ),
    bad(
        "branch-unknown-on-token-ids",
        {"inputs": [tokens(branch="rnn")]},
        "inputs[0] (tokens).branch must be one of lstm, gru, bidirectional_lstm,"
        ' bidirectional_gru for a token_ids input; received "rnn"',
    ),
    bad(
        "branch-none-with-units",
        {"inputs": [series(branch="none", units=[32])], "fusion": "sequence"},
        "inputs[0] (prices).units does not apply: branch none adds no layers",
    ),
    # Sizes.
    bad(
        "size-zero",
        {"inputs": [series(timesteps=0)]},
        "inputs[0] (prices).timesteps must be a whole number from 1 to 100000;"
        " received 0",
    ),
    bad(
        "size-negative",
        {"inputs": [numeric(features=-4)]},
        "inputs[0] (features).features must be a whole number from 1 to 100000;"
        " received -4",
    ),
    bad(
        "size-float",
        {"inputs": [series(features=2.5)]},
        "inputs[0] (prices).features must be a whole number from 1 to 100000;"
        " received 2.5",
    ),
    bad(
        "size-whole-float",
        {"inputs": [series(timesteps=30.0)]},
        "inputs[0] (prices).timesteps must be a whole number from 1 to 100000;"
        " received 30.0",
    ),
    bad(
        "size-boolean",
        {"inputs": [tokens(sequence_length=True)]},
        "inputs[0] (tokens).sequence_length must be a whole number from 1 to 100000;"
        " received true",
    ),
    bad(
        "size-string",
        {"inputs": [series(features="28x28")]},
        "inputs[0] (prices).features must be a whole number from 1 to 100000;"
        ' received "28x28"',
    ),
    bad(
        "size-too-large",
        {"inputs": [variable(max_timesteps=100001)]},
        "inputs[0] (steps).max_timesteps must be a whole number from 1 to 100000;"
        " received 100001",
    ),
    bad(
        "vocabulary-of-one",
        {"inputs": [tokens(vocabulary_size=1)]},
        "inputs[0] (tokens).vocabulary_size must be a whole number from 2 to 10000000;"
        " received 1",
    ),
    bad(
        "embedding-too-wide",
        {"inputs": [text(embedding_dim=4097)]},
        "inputs[0] (review).embedding_dim must be a whole number from 1 to 4096;"
        " received 4097",
    ),
    bad(
        "units-zero-in-list",
        {"inputs": [series(units=[64, 0])]},
        "inputs[0] (prices).units[1] must be a whole number from 1 to 4096; received 0",
    ),
    bad(
        "units-too-large",
        {"inputs": [series(units=5000)]},
        "inputs[0] (prices).units must be a whole number from 1 to 4096;"
        " received 5000",
    ),
    bad(
        "units-empty",
        {"inputs": [series(units=[])]},
        "inputs[0] (prices).units must list at least one layer, such as [64];"
        " received []",
    ),
    bad(
        "units-string",
        {"inputs": [series(units="64, 32")]},
        "inputs[0] (prices).units must be a YAML list of layer sizes such as [64, 32]"
        ' or one size such as 64; received "64, 32"',
    ),
    bad(
        "dropout-one",
        {"inputs": [series(dropout=1.0)]},
        "inputs[0] (prices).dropout must be a number from 0 up to (not including) 1,"
        " such as 0.2; received 1.0",
    ),
    bad(
        "dropout-boolean",
        {"inputs": [series(dropout=True)]},
        "inputs[0] (prices).dropout must be a number from 0 up to (not including) 1,"
        " such as 0.2; received true",
    ),
    # The list of inputs.
    bad(
        "inputs-empty",
        {"inputs": []},
        "inputs must declare at least one input; received an empty list",
    ),
    bad(
        "inputs-a-mapping",
        {"inputs": series()},
        "inputs must be a YAML list of inputs such as [{name: prices, kind: series,",
    ),
    bad(
        "input-not-a-mapping",
        {"inputs": ["prices"]},
        "inputs[0] must be a mapping such as {name: prices, kind: series, timesteps:"
        ' 30, features: 1}; received "prices"',
    ),
    bad(
        "inputs-too-many",
        {"inputs": [series(f"series_{index}") for index in range(65)]},
        "inputs may declare at most 64 inputs; received 65",
    ),
    # Combinations.
    bad(
        "sequence-fusion-different-lengths",
        {"inputs": [series("a"), series("b", timesteps=20)], "fusion": "sequence"},
        "inputs[1] (b).timesteps must equal the 30 steps of inputs[0] (a), since"
        " fusion: sequence joins the inputs step by step; received 20",
    ),
    bad(
        "sequence-fusion-numeric",
        {"inputs": [series(), numeric()], "fusion": "sequence"},
        "inputs[1] (features).kind is numeric, but fusion: sequence joins sequences"
        " step by step",
    ),
    bad(
        "sequence-fusion-variable-and-fixed",
        {"inputs": [series(), variable()], "fusion": "sequence"},
        "inputs[1] (steps).kind is variable_series, but inputs[0] (prices) is series",
    ),
    bad(
        "sequence-fusion-variable-lengths",
        {
            "inputs": [variable("a"), variable("b", max_timesteps=40)],
            "fusion": "sequence",
        },
        "inputs[1] (b).max_timesteps must equal the 30 steps of inputs[0] (a)",
    ),
    bad(
        "sequence-fusion-empty-stack",
        {"fusion": "sequence", "fusion_units": []},
        "fusion_units must list at least one layer, such as [64]; received []",
    ),
    bad(
        "fusion-unknown",
        {"fusion": "stack"},
        "Invalid choice for 'fusion'",
    ),
    bad(
        "multiclass-one-class",
        {"task": "multiclass", "num_classes": 1},
        "num_classes must be a whole number from 2 to 100000; received 1",
    ),
    bad(
        "head-units-not-a-list",
        {"head_units": 64},
        "head_units must be a YAML list of layer sizes such as [64, 32] ([] for none);"
        " received 64",
    ),
    bad(
        "head-units-zero",
        {"head_units": [64, 0]},
        "head_units[1] must be a whole number from 1 to 4096; received 0",
    ),
    bad(
        "head-units-too-deep",
        {"head_units": [8] * 17},
        "head_units may list at most 16 layers; received 17",
    ),
    bad(
        "head-dropout-above-one",
        {"head_units": [32], "head_dropout": 1.5},
        "head_dropout must be a number from 0 up to (not including) 1, such as 0.2;"
        " received 1.5",
    ),
    # Whole-number and rate questions, as given before Copier casts them.
    bad(
        "epochs-zero",
        {"epochs": 0},
        "epochs must be a whole number from 1 to 100000; received 0",
    ),
    bad(
        "epochs-float",
        {"epochs": 2.5},
        "epochs must be a whole number from 1 to 100000; received 2.5",
    ),
    bad(
        "epochs-boolean",
        {"epochs": True},
        "epochs must be a whole number from 1 to 100000; received true",
    ),
    bad(
        "batch-size-too-large",
        {"batch_size": 1000001},
        "batch_size must be a whole number from 1 to 1000000; received 1000001",
    ),
    bad(
        "learning-rate-zero",
        {"learning_rate": 0},
        "learning_rate must be a number between 0 and 1 (both excluded), such as"
        " 0.001; received 0.0",
    ),
    # Text and the package name.
    bad(
        "project-name-empty",
        {"project_name": ""},
        'project_name must not be empty; received ""',
    ),
    bad(
        "description-blank",
        {"description": " \n "},
        "description must not be empty",
    ),
    bad(
        "description-control-character",
        {"description": "bell\x07"},
        "description must not contain control characters (tabs and line breaks are"
        ' fine); received "bell\\u0007"',
    ),
    bad(
        "package-name-uppercase",
        {"package_name": "Sales"},
        "package_name must be a lowercase Python identifier that starts with a letter,"
        ' such as "sales_model"; received "Sales"',
    ),
    bad(
        "package-name-shadows-stdlib",
        {"package_name": "json"},
        'package_name "json" would shadow the module json',
    ),
    # Data layouts and the inputs' data keys.
    bad(
        "data-format-unknown",
        {"data_format": "excel"},
        "Invalid choice for 'data_format'",
    ),
    bad(
        "columns-with-npz",
        {"inputs": [series(columns=["price"])]},
        "inputs[0] (prices).columns applies to tables: NPZ files hold one array per"
        " input, and refuse missing values; use data_format: table or timeseries, or"
        " remove it; received data_format: npz",
    ),
    bad(
        "missing-fill-with-npz",
        {"inputs": [numeric(missing="fill", fill_value=0.0)]},
        "inputs[0] (features).missing applies to tables",
    ),
    bad(
        "timeseries-with-text",
        {"inputs": [series(), text()], "data_format": "timeseries"},
        "inputs[1] (review).kind must be series or numeric with data_format:"
        " timeseries, which cuts windows of fixed length from one table; received text"
        " (use data_format: table for one sample per row)",
    ),
    bad(
        "timeseries-variable-length",
        {"inputs": [variable()], "data_format": "timeseries"},
        "inputs[0] (steps).kind must be series or numeric with data_format:"
        " timeseries",
    ),
    bad(
        "timeseries-columns-fewer-than-features",
        {"inputs": [series(features=2, columns=["open"])], "data_format": "timeseries"},
        "inputs[0] (prices).columns must name 2 columns, one per feature for a series"
        ' input with data_format: timeseries; received 1 (["open"])',
    ),
    bad(
        "table-sequence-in-two-columns",
        {"inputs": [series(columns=["a", "b"])], "data_format": "table"},
        "inputs[0] (prices).columns must name 1 column (a list column holding the"
        " whole sequence) for a series input with data_format: table; received 2",
    ),
    bad(
        "table-numeric-columns-count",
        {"inputs": [numeric(columns=["a", "b"])], "data_format": "table"},
        "inputs[0] (features).columns must name 4 columns, one per feature for a"
        " numeric input with data_format: table; received 2",
    ),
    bad(
        "table-forward-fill",
        {"inputs": [numeric(missing="forward_fill")], "data_format": "table"},
        "inputs[0] (features).missing: forward_fill needs time-ordered rows, which only"
        " data_format: timeseries has; choose refuse or fill, received data_format:"
        " table",
    ),
    bad(
        "timeseries-multilabel",
        {"data_format": "timeseries", "task": "multilabel"},
        "data_format: timeseries forecasts one column, so the task must be regression"
        " with num_targets: 1, binary or multiclass; received task: multilabel",
    ),
    bad(
        "timeseries-several-targets",
        {"data_format": "timeseries", "num_targets": 3},
        "received task: regression, num_targets: 3",
    ),
    bad(
        "columns-not-a-list",
        {"inputs": [numeric(columns={"a": 1})], "data_format": "table"},
        "inputs[0] (features).columns must be a column name or a YAML list of them,"
        ' such as [open, close]; received {"a": 1}',
    ),
    bad(
        "columns-with-a-quote",
        {"inputs": [series(columns='say "hi"')], "data_format": "table"},
        "inputs[0] (prices).columns must hold names of 1 to 64 characters without"
        ' quotes, backslashes or control characters; received "say \\"hi\\""',
    ),
    bad(
        "columns-repeated",
        {"inputs": [numeric(features=2, columns=["a", "a"])], "data_format": "table"},
        'inputs[0] (features).columns must not repeat a column; received ["a", "a"]',
    ),
    bad(
        "missing-misspelt",
        {"inputs": [numeric(missing="ffill")], "data_format": "timeseries"},
        "inputs[0] (features).missing must be one of refuse, fill, forward_fill;"
        ' received "ffill"',
    ),
    bad(
        "missing-fill-without-value",
        {"inputs": [numeric(missing="fill")], "data_format": "table"},
        "inputs[0] (features) needs fill_value with missing: fill, such as fill_value:"
        " 0.0",
    ),
    bad(
        "fill-value-without-fill",
        {"inputs": [numeric(fill_value=0)], "data_format": "table"},
        "inputs[0] (features).fill_value applies only with missing: fill; received"
        " missing: refuse and fill_value: 0",
    ),
    bad(
        "fill-value-text-for-numbers",
        {
            "inputs": [numeric(missing="fill", fill_value="zero")],
            "data_format": "table",
        },
        "inputs[0] (features).fill_value must be a number for a numeric input, such as"
        ' 0.0; received "zero"',
    ),
    bad(
        "fill-on-token-ids",
        {"inputs": [tokens(missing="fill", fill_value=1)], "data_format": "table"},
        "inputs[0] (tokens).missing must be refuse for a token_ids input",
    ),
    bad(
        "normalize-on-text",
        {"inputs": [text(normalize=True)]},
        "inputs[0] (review).normalize applies to series, variable_series and numeric"
        " inputs, not to a text input; received normalize: true",
    ),
    bad(
        "normalize-not-boolean",
        {"inputs": [series(normalize="yes")]},
        'inputs[0] (prices).normalize must be true or false; received "yes"',
    ),
    bad(
        "name-taken-by-normalizer",
        {"inputs": [series("level", normalize=True), numeric("level_normalizer")]},
        "inputs[1] (level_normalizer).name is already the name of the normalization"
        " layer of inputs[0] (level)",
    ),
    bad(
        "horizon-zero",
        {"data_format": "timeseries", "horizon": 0},
        "horizon must be a whole number from 1 to 100000; received 0",
    ),
    bad(
        "target-column-empty",
        {"data_format": "timeseries", "target_column": ""},
        "target_column must be a column name of 1 to 64 characters",
    ),
    bad(
        "target-forward-fill-in-a-table",
        {"data_format": "table", "target_missing": "forward_fill"},
        "target_missing: forward_fill needs time-ordered rows, which only data_format:"
        " timeseries has; choose refuse or drop; received data_format: table",
    ),
    bad(
        "computed-model-inputs",
        {"model_inputs": [series()]},
        "model_inputs is worked out from inputs and cannot be answered",
    ),
]

GOOD_ANSWERS = {
    "at-every-limit": {
        "package_name": "p" * 32,
        "target_name": "t" * 32,
        "inputs": [
            series(
                "s" * 32,
                timesteps=100000,
                features=100000,
                branch="bidirectional_gru",
                units=[4096, 1],
                dropout=0.999,
            ),
            variable("v" * 32, max_timesteps=1, features=1),
            tokens("k" * 32, sequence_length=1, vocabulary_size=2, embedding_dim=4096),
            text("x" * 32, vocabulary_size=10000000, embedding_dim=1, units=4096),
            numeric("n" * 32, units=[1] * 16, dropout=0),
        ],
        "head_units": [4096] * 16,
        "head_dropout": 0.5,
        "head_normalization": "layer",
        "task": "multiclass",
        "num_classes": 100000,
        "epochs": 100000,
        "batch_size": 1000000,
        "learning_rate": 0.999,
    },
    "names-close-to-reserved": {
        "inputs": [
            series("files"),
            series("dense_layer"),
            variable("lengths"),
            numeric("prices_length"),
        ],
        "target_name": "Target",
        "task": "multilabel",
        "num_labels": 1,
    },
    "sequence-fusion-without-branches": {
        "inputs": [
            series("a", timesteps=12, branch="none", units=[]),
            tokens("b", sequence_length=12, branch="gru", units=8),
            series("c", timesteps=12, branch="none", dropout=0),
        ],
        "fusion": "sequence",
        "fusion_units": [8, 4],
        "task": "multiclass",
        "num_classes": 2,
    },
    "table-of-every-kind": {
        "inputs": [
            series("a", columns="a_steps", missing="fill", fill_value=-1),
            variable("b", normalize=True),
            tokens("c"),
            text("d", missing="fill", fill_value="unknown"),
            numeric("e", columns=["w", "x", "y", "z"], normalize=True),
        ],
        "data_format": "table",
        "task": "multilabel",
        "num_labels": 2,
        "target_missing": "drop",
    },
    "timeseries-at-its-limits": {
        "inputs": [
            series("long", timesteps=365, features=2, columns=["low", "high"]),
            series("short", normalize=True, missing="forward_fill"),
            numeric("calendar", features=1, missing="fill", fill_value=0),
        ],
        "data_format": "timeseries",
        "horizon": 100000,
        "target_column": "c" * 64,
        "target_missing": "forward_fill",
        "task": "binary",
    },
    "sequence-fusion-variable-length": {
        "inputs": [variable("a_1", max_timesteps=7), variable("B2", max_timesteps=7)],
        "fusion": "sequence",
    },
}


@pytest.fixture(scope="session")
def template(tmp_path_factory):
    """The working tree's template as a plain folder, which Copier reads without
    cloning: every case then takes a fraction of a second."""
    destination = tmp_path_factory.mktemp("template") / "multilstm-template"
    shutil.copytree(
        ROOT,
        destination,
        ignore=shutil.ignore_patterns(
            ".git", "examples", "tests", "generator", "__pycache__", "*.egg-info"
        ),
    )
    return destination


def copy(template, answers, destination):
    copier.run_copy(
        str(template),
        str(destination),
        data=answers,
        defaults=True,
        quiet=True,
        unsafe=False,
    )


def written(destination):
    """Every file under `destination`, relative to it."""
    if not destination.exists():
        return []
    return sorted(str(path.relative_to(destination)) for path in destination.rglob("*"))


def contents(project):
    """The bytes of every file of a project, outside .git."""
    return {
        path: (project / path).read_bytes()
        for path in written(project)
        if (project / path).is_file() and ".git" not in Path(path).parts
    }


def run(*args, cwd=None):
    return subprocess.run(
        args,
        check=False,
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, **GIT_IDENTITY},
    )


def run_copier(*args, cwd=None):
    return run(sys.executable, "-m", "copier", *args, cwd=cwd)


def assert_renders_valid_files(project):
    """Every Python file parses and pyproject.toml is valid TOML."""
    modules = list(project.rglob("*.py"))
    assert modules, f"nothing rendered in {project}"
    for module in modules:
        ast.parse(module.read_text(), filename=str(module))
    tomllib.loads((project / "pyproject.toml").read_text())


@pytest.mark.parametrize("answers, fragment", BAD_ANSWERS)
def test_bad_answers_are_refused_before_anything_is_written(
    template, tmp_path, answers, fragment
):
    destination = tmp_path / "project"
    with pytest.raises((ValueError, TypeError)) as error:
        copy(template, answers, destination)
    assert fragment in str(error.value)
    assert written(destination) == []


@pytest.mark.parametrize("answers", GOOD_ANSWERS.values(), ids=GOOD_ANSWERS)
def test_good_answers_at_the_edges_render(template, tmp_path, answers):
    project = tmp_path / "project"
    copy(template, answers, project)
    assert_renders_valid_files(project)
    recorded = yaml.safe_load((project / ".copier-answers.yml").read_text())
    assert recorded["inputs"] == answers["inputs"]


@pytest.mark.parametrize(
    "project_name, package_name",
    [
        ("Multi-input model", "multi_input_model"),
        ("Random", "random_project"),
        ("Data", "data_project"),
        ("class", "class_project"),
        ("!!!", "model_project"),
        ("2024 sales", "model_2024_sales"),
        (
            "A project name far longer than a package name may be",
            "a_project_name_far_longer_than_a",
        ),
    ],
)
def test_default_package_name_is_one_the_validator_accepts(
    template, tmp_path, project_name, package_name
):
    """Interactive Copier validates a default before asking, so a refused
    default package name would end the session."""
    project = tmp_path / "project"
    copy(template, {"project_name": project_name}, project)
    recorded = yaml.safe_load((project / ".copier-answers.yml").read_text())
    assert recorded["package_name"] == package_name
    assert (project / package_name / "model.py").is_file()


@pytest.mark.parametrize(
    "answers, question, default",
    [
        ({"inputs": [series("target")]}, "target_name", "prediction_target"),
        (
            {"inputs": [series("a"), series("b", branch="none")]},
            "fusion",
            "sequence",
        ),
    ],
)
def test_defaults_step_around_what_the_validators_refuse(
    template, tmp_path, answers, question, default
):
    """Interactive Copier validates each default before asking, so a default
    its own validator refuses would end the session."""
    project = tmp_path / "project"
    copy(template, answers, project)
    recorded = yaml.safe_load((project / ".copier-answers.yml").read_text())
    assert recorded[question] == default


def test_answers_file_is_checked_on_the_command_line(tmp_path):
    answers = tmp_path / "answers.yml"
    answers.write_text(yaml.safe_dump({"inputs": [series(timesteps="28x28")]}))
    destination = tmp_path / "project"
    result = run_copier(
        "copy",
        "--defaults",
        "--vcs-ref",
        "HEAD",
        "--data-file",
        str(answers),
        str(ROOT),
        str(destination),
    )
    assert result.returncode != 0
    expected = (
        "inputs[0] (prices).timesteps must be a whole number from 1 to 100000;"
        ' received "28x28"'
    )
    assert expected in result.stderr
    assert written(destination) == []


def test_data_flag_is_checked_on_the_command_line(tmp_path):
    destination = tmp_path / "project"
    result = run_copier(
        "copy",
        "--defaults",
        "--vcs-ref",
        "HEAD",
        "--data",
        "inputs=[{name: prices, kind: seris, timesteps: 30, features: 1}]",
        str(ROOT),
        str(destination),
    )
    assert result.returncode != 0
    assert 'received "seris" (did you mean "series"?)' in result.stderr
    assert written(destination) == []


def test_update_with_a_bad_answer_changes_nothing(tmp_path):
    """`copier update -d` validates the new answer before it touches the
    project. Update needs git on both sides: a clone of the committed template
    and a committed project."""
    clone = tmp_path / "template"
    assert run("git", "clone", "--quiet", str(ROOT), str(clone)).returncode == 0
    project = tmp_path / "project"
    result = run_copier(
        "copy",
        "--defaults",
        "--vcs-ref",
        "HEAD",
        "--data",
        "package_name=demo",
        str(clone),
        str(project),
    )
    assert result.returncode == 0, result.stderr
    for command in (["init", "--quiet"], ["add", "--all"], ["commit", "-qm", "Render"]):
        assert run("git", *command, cwd=project).returncode == 0
    before = contents(project)

    result = run_copier(
        "update",
        "--defaults",
        "--data",
        "inputs=[{name: prices, kind: series, timestep: 30, features: 1}]",
        cwd=project,
    )

    assert result.returncode != 0
    assert 'unknown key "timestep" (did you mean "timesteps"?)' in result.stderr
    assert contents(project) == before
    assert run("git", "status", "--porcelain", cwd=project).stdout == ""


@pytest.mark.slow
def test_text_answers_render_as_inert_text(template, tmp_path):
    """Quotes, backslashes, line breaks and Jinja braces in the project's name
    and description reach the files as text: the package imports and carries
    them verbatim in its docstrings, and pyproject.toml parses."""
    name = 'Quotes " \'\'\' """ and \\ back\\slash {{ 6 * 7 }} {% raw %} \\N{BULLET} \\'
    description = (
        'First line ends with """\nsecond has \\u0041 and {{ _copier_conf }},\r\n'
        "\t{% if true %}kept{% endif %} {# not a comment #} and a last \\"
    )
    project = tmp_path / "project"
    copy(
        template,
        {"project_name": name, "description": description, "package_name": "inert"},
        project,
    )
    assert_renders_valid_files(project)
    pyproject = tomllib.loads((project / "pyproject.toml").read_text())
    assert pyproject["project"]["description"] == " ".join(description.split())

    show = (
        "import json, inert, inert.model\n"
        "print(json.dumps([inert.__doc__, inert.model.__doc__]))"
    )
    result = run(sys.executable, "-c", show, cwd=project)
    assert result.returncode == 0, result.stderr
    for docstring in json.loads(result.stdout.splitlines()[-1]):
        flat = " ".join(docstring.split())
        assert " ".join(name.split()) in flat
        assert " ".join(description.split()) in flat
    assert name in (project / "README.md").read_text()
