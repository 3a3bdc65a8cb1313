"""The Jinja macros in includes/, rendered inline and checked exactly."""

import black
import jinja2
import pytest

from generator import ROOT

ENVIRONMENT = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(ROOT)),
    extensions=["jinja2_ansible_filters.AnsibleCoreFiltersExtension"],
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
BLACK = black.Mode(line_length=88)


def render(source, **context):
    return ENVIRONMENT.from_string(source).render(**context)


def statement(indent, head, args, tail=""):
    source = (
        '{% from "includes/code.jinja" import statement %}'
        "{{ statement(indent, head, args, tail) }}"
    )
    return render(source, indent=indent, head=head, args=args, tail=tail)


SHAPES = [
    ("x = layers.LSTM", ["64", "return_sequences=True", "dropout=0.2"], "({}_input)"),
    ("{}_input = keras.Input", ["shape=(1000, 1000)", 'name="{}"'], ""),
    ("{}_features = layers.Bidirectional", ["layers.GRU(64, dropout=0.2)"], "(x)"),
    ("x = layers.Embedding", ["10000", "128", "mask_zero=True", 'name="{}"'], "(x)"),
    ("outputs = layers.Dense", ["9", 'activation="softmax"', 'name="{}"'], "({})"),
]


@pytest.mark.parametrize("head, args, tail", SHAPES)
def test_statement_is_as_black_writes_it_for_any_name_length(head, args, tail):
    for length in range(1, 41):
        name = "n" * length
        line = statement(
            "    ",
            head.format(name),
            [arg.format(name) for arg in args],
            tail.format(name),
        )
        source = f"def build():\n{line}\n"
        assert black.format_str(source, mode=BLACK) == source, source
        assert max(len(part) for part in line.splitlines()) <= 88


def test_statement_stays_on_one_line_when_it_fits():
    assert statement("    ", "x = layers.LSTM", ["64"], "(x)") == (
        "    x = layers.LSTM(64)(x)"
    )


def test_statement_puts_one_argument_per_line_when_too_long():
    line = statement("    ", "x = layers.LSTM", ["64", "name=" + '"' + "a" * 70 + '"'])
    assert line.splitlines() == [
        "    x = layers.LSTM(",
        "        64,",
        '        name="' + "a" * 70 + '",',
        "    )",
    ]


def test_import_from_wraps_only_when_too_long():
    source = (
        '{% from "includes/code.jinja" import import_from %}'
        "{{ import_from(module, names) }}"
    )
    short = render(source, module="pkg.data", names=["INPUTS", "TARGET"])
    assert short == "from pkg.data import INPUTS, TARGET"
    long = render(
        source, module="p" * 32 + ".data", names=["INPUTS", "load_arrays"] * 3
    )
    assert black.format_str(long + "\n", mode=BLACK) == long + "\n"
    assert long.startswith("from " + "p" * 32 + ".data import (\n")


def test_comment_wraps_within_88_columns():
    source = (
        '{% from "includes/code.jinja" import comment %}{{ comment("    ", text) }}'
    )
    text = (
        "masked bidirectional LSTM 64 over up to 32 steps of 12 features, zero-padded"
    )
    lines = render(source, text=text + " on the right.").splitlines()
    assert len(lines) == 2
    assert all(len(line) <= 88 and line.startswith("    # ") for line in lines)
    assert "zero-padded" in lines[0] + lines[1]


def test_py_text_makes_user_text_inert():
    source = '{% from "includes/code.jinja" import py_text %}{{ py_text(text) }}'
    text = 'A "quoted"\nname \\ with {{ braces }}'
    assert render(source, text=text) == 'A \\"quoted\\" name \\\\ with {{ braces }}'


def normalized(inputs):
    source = (
        '{% from "includes/normalize.jinja" import normalized_inputs %}'
        "{{ normalized_inputs(inputs) }}"
    )
    return ENVIRONMENT.from_string(source).render(inputs=inputs)


def parameters(inputs):
    source = (
        '{% from "includes/layers.jinja" import param_count %}'
        "{{ param_count(inputs | from_json, fusion, [64], [], 'none', outputs) }}"
    )
    context = {"fusion": "concatenate", "outputs": 1}
    return int(render(source, inputs=normalized(inputs), **context))


def test_parameter_count_of_the_two_series_seed():
    inputs = [
        {"name": "a", "kind": "series", "timesteps": 10, "features": 1},
        {"name": "b", "kind": "series", "timesteps": 5, "features": 3},
    ]
    assert parameters(inputs) == 34_433


def test_parameter_count_of_the_tokens_and_features_seed():
    inputs = [
        {
            "name": "tokens",
            "kind": "token_ids",
            "sequence_length": 100,
            "vocabulary_size": 10_000,
            "embedding_dim": 128,
        },
        {"name": "features", "kind": "numeric", "features": 5, "units": [32]},
    ]
    assert parameters(inputs) == 1_329_697


def test_parameter_count_of_the_variable_length_seed():
    inputs = [
        {"name": name, "kind": "variable_series", "max_timesteps": 20, "features": 1}
        for name in ["a", "b"]
    ]
    assert parameters(inputs) == 33_921
