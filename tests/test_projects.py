"""Every answer set rendered, formatted, linted, tested and trained."""

import csv
import json

import pytest

from projects import ALL_TESTS, ANSWER_SETS, example_data, output_of, run_python

pytestmark = pytest.mark.slow

NAMES = list(ANSWER_SETS)
SEED_PARAMETERS = {
    "seed_two_series": 34_433,
    "seed_text_numeric": 1_329_697,
    "seed_variable_length": 33_921,
}


@pytest.mark.parametrize("name", NAMES)
def test_rendered_code_is_black_clean(project, name):
    result = run_python("-m", "black", "--check", "--diff", ".", cwd=project(name))
    assert result.returncode == 0, output_of(result)


@pytest.mark.parametrize("name", NAMES)
def test_rendered_code_is_ruff_clean(project, name):
    result = run_python("-m", "ruff", "check", "--no-cache", ".", cwd=project(name))
    assert result.returncode == 0, output_of(result)


@pytest.mark.parametrize("name", NAMES)
def test_generated_tests_pass(project, name):
    selection = [] if name in ALL_TESTS else ["-m", "not slow"]
    result = run_python(
        "-m", "pytest", "-q", "-p", "no:cacheprovider", *selection, cwd=project(name)
    )
    assert result.returncode == 0, output_of(result)


def train(project, *args):
    """Runs the project's train.py for one epoch with extra arguments."""
    return run_python("train.py", "--epochs", "1", *args, cwd=project)


@pytest.mark.parametrize("name", NAMES)
def test_one_epoch_on_synthetic_data_writes_model_metrics_and_history(
    project, name, tmp_path
):
    result = train(project(name), "--output-dir", str(tmp_path))
    assert result.returncode == 0, output_of(result)
    assert (tmp_path / "model.keras").stat().st_size > 0
    metrics = json.loads((tmp_path / "metrics.json").read_text())
    assert isinstance(metrics, dict) and "loss" in metrics
    with open(tmp_path / "history.csv", newline="") as file:
        assert len(list(csv.DictReader(file))) == 1


@pytest.mark.parametrize("name", [name for name in NAMES if example_data(name)])
def test_example_trains_on_its_real_data(project, name, tmp_path):
    train_file, test_file = example_data(name)
    result = train(
        project(name),
        *["--data", str(train_file), "--eval-data", str(test_file)],
        *["--output-dir", str(tmp_path)],
    )
    assert result.returncode == 0, output_of(result)
    metrics = json.loads((tmp_path / "metrics.json").read_text())
    if "accuracy" in metrics:
        assert 0.0 <= metrics["accuracy"] <= 1.0
    else:
        assert metrics["mae"] >= 0.0


@pytest.mark.parametrize("name, parameters", SEED_PARAMETERS.items())
def test_seed_models_have_the_reference_parameter_counts(project, name, parameters):
    code = f"from {name}.model import build_model; print(build_model().count_params())"
    result = run_python("-c", code, cwd=project(name))
    assert result.returncode == 0, output_of(result)
    assert int(result.stdout.split()[-1]) == parameters
