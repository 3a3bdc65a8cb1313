"""The matrix in matrix.py uses every input kind, branch, fusion and task.

The lists to cover are read from the template itself, so a kind or branch
added there without a matrix entry fails here.
"""

import re

import yaml

from generator import ROOT

from matrix import MATRIX

VALIDATORS = (ROOT / "includes" / "validate.jinja").read_text()
QUESTIONS = yaml.safe_load((ROOT / "copier.yml").read_text())


def choices_of(question):
    """The values a question offers."""
    return set(QUESTIONS[question]["choices"].values())


def jinja_list(name):
    """The strings of a `{% set name = [...] %}` list in the validators."""
    found = re.search(r"set " + name + r" = \[(.*?)\]", VALIDATORS, re.DOTALL)
    return set(re.findall(r'"(\w+)"', found[1]))


def jinja_dict_keys(name):
    """The keys of a `{% set name = {...} %}` dict in the validators."""
    found = re.search(r"set " + name + r" = \{(.*?)\}", VALIDATORS, re.DOTALL)
    return set(re.findall(r'"(\w+)":', found[1]))


def used(key):
    """Every value the matrix's inputs give `key`."""
    return {spec[key] for entry in MATRIX for spec in entry["inputs"] if key in spec}


def test_the_lists_to_cover_were_found():
    assert jinja_dict_keys("kinds") >= {"series", "text", "numeric"}
    assert jinja_list("recurrent") >= {"lstm", "gru"}
    assert choices_of("task") >= {"regression", "binary"}


def test_matrix_uses_every_input_kind():
    assert used("kind") == jinja_dict_keys("kinds")


def test_matrix_uses_every_branch():
    assert used("branch") >= jinja_list("recurrent") | {"none", "dense"}


def test_matrix_uses_every_fusion_and_task():
    assert {entry.get("fusion", "concatenate") for entry in MATRIX} == choices_of(
        "fusion"
    )
    assert {entry["task"] for entry in MATRIX} == choices_of("task")


def test_matrix_uses_every_data_format_and_missing_policy():
    assert {entry.get("data_format", "npz") for entry in MATRIX} == choices_of(
        "data_format"
    )
    assert used("missing") | {"refuse"} == jinja_list("missing_policies")
    assert True in used("normalize")


def test_matrix_ids_are_unique_identifiers():
    ids = [entry["id"] for entry in MATRIX]
    assert len(set(ids)) == len(ids)
    assert all(identifier.isidentifier() for identifier in ids)
