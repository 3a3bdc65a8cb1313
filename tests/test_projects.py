"""Every answer set rendered, formatted, linted, tested and trained."""

import csv
import json
import re

import pytest

from projects import ANSWER_SETS, example_data, run_python

pytestmark = pytest.mark.slow

NAMES = list(ANSWER_SETS)
LEFTOVERS = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")


@pytest.mark.parametrize("name", NAMES)
def test_rendered_code_is_black_and_ruff_clean(rendered, name):
    project = rendered(name)
    black = run_python("-m", "black", "--check", "--diff", ".", cwd=project)
    assert black.returncode == 0, black.stdout + black.stderr
    ruff = run_python("-m", "ruff", "check", "--no-cache", ".", cwd=project)
    assert ruff.returncode == 0, ruff.stdout + ruff.stderr


@pytest.mark.parametrize("name", NAMES)
def test_rendered_files_hold_no_template_leftovers(rendered, name):
    project = rendered(name)
    files = [path for path in project.rglob("*") if path.is_file()]
    assert files
    for path in files:
        relative = path.relative_to(project)
        assert ".jinja" not in path.name, relative
        text = path.read_text()
        assert text.strip(), f"{relative} is empty"
        assert text.endswith("\n") and not text.endswith("\n\n"), relative
        # Python separates top-level blocks by two blank lines, the rest by one.
        run_of_blank_lines = "\n\n\n\n" if path.suffix == ".py" else "\n\n\n"
        assert run_of_blank_lines not in text, f"{relative}: too many blank lines"
        for number, line in enumerate(text.splitlines(), 1):
            assert line == line.rstrip(), f"{relative}:{number} trailing space"
        if path.name != ".copier-answers.yml":
            assert not LEFTOVERS.search(text), f"{relative}: template leftover"


@pytest.mark.parametrize("name", NAMES)
def test_generated_tests_pass(rendered, name):
    project = rendered(name)
    result = run_python("-m", "pytest", "-q", "-p", "no:cacheprovider", cwd=project)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]


@pytest.mark.parametrize("name", NAMES)
def test_one_epoch_of_train_py_writes_its_outputs(rendered, name, tmp_path):
    project = rendered(name)
    output_dir = tmp_path / "run"
    result = run_python(
        "train.py", "--epochs", "1", "--output-dir", str(output_dir), cwd=project
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "parameters" in result.stdout
    metrics = json.loads((output_dir / "metrics.json").read_text())
    assert "loss" in metrics
    with open(output_dir / "history.csv", newline="") as file:
        assert len(list(csv.DictReader(file))) == 1
    assert (output_dir / "model.keras").stat().st_size > 0


@pytest.mark.parametrize("name", [name for name in NAMES if example_data(name)])
def test_example_trains_on_its_real_data(rendered, name, tmp_path):
    project = rendered(name)
    train, test = example_data(name)
    result = run_python(
        "train.py",
        "--data",
        str(train),
        "--eval-data",
        str(test),
        "--epochs",
        "1",
        "--output-dir",
        str(tmp_path),
        cwd=project,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    metrics = json.loads((tmp_path / "metrics.json").read_text())
    assert 0.0 <= metrics["accuracy"] <= 1.0


@pytest.mark.parametrize(
    "name, parameters",
    [
        ("seed_two_series", 34_433),
        ("seed_text_numeric", 1_329_697),
        ("seed_variable_length", 33_921),
    ],
)
def test_seed_architectures_have_the_reference_parameter_counts(
    rendered, name, parameters
):
    project = rendered(name)
    code = f"from {name}.model import build_model; print(build_model().count_params())"
    result = run_python("-c", code, cwd=project)
    assert result.returncode == 0, result.stderr[-3000:]
    assert int(result.stdout.split()[-1]) == parameters
