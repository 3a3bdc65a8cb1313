"""What Copier writes: no template leftovers, the same files every time, and
the answers recorded for `copier update`."""

import re

import pytest
import yaml

from generator.render import render

from projects import ANSWER_SETS

NAMES = list(ANSWER_SETS)
LEFTOVER = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")
# The answers file names the template's source and commit, which may differ
# between two renders of the same answers (the commit does while the
# template has uncommitted changes); nothing else may.
TEMPLATE_SOURCE = re.compile(rb"^_(commit|src_path): .*\n", re.MULTILINE)


def files_of(folder):
    """Every file under `folder`, as {relative path: bytes}."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_leftover_pattern_finds_each_jinja_delimiter():
    for text in ["{{ name }}", "{% if x %}", "{# note #}", "a }} b", "%}", "#}"]:
        assert LEFTOVER.search(text), text
    for text in [
        "{name: x}",
        "shape=(None, 3)",
        "# comment",
        '{"a": {"b": 1} }',
        "50%",
    ]:
        assert not LEFTOVER.search(text), text


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_rendered_files_hold_no_template_leftovers(rendered, name):
    files = files_of(rendered(name))
    assert "README.md" in files and "train.py" in files
    for path, content in files.items():
        assert ".jinja" not in path and not LEFTOVER.search(path), path
        text = content.decode("utf-8")
        assert text.strip(), f"{path} is empty"
        assert not LEFTOVER.search(text), f"{path}: {LEFTOVER.search(text)[0]!r}"
        assert text.endswith("\n") and not text.endswith("\n\n"), f"{path}: ending"
        assert "\n\n\n\n" not in text, f"{path}: three blank lines in a row"
        for number, line in enumerate(text.split("\n"), 1):
            assert line == line.rstrip(), f"{path}:{number}: trailing whitespace"


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_rendering_twice_gives_identical_files(rendered, name, tmp_path):
    first = files_of(rendered(name))
    second = files_of(render(ANSWER_SETS[name], tmp_path))
    assert sorted(first) == sorted(second)
    for path in first:
        if path == ".copier-answers.yml":
            first[path] = TEMPLATE_SOURCE.sub(b"", first[path])
            second[path] = TEMPLATE_SOURCE.sub(b"", second[path])
        assert first[path] == second[path], path


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_answers_file_records_the_answers(rendered, name):
    recorded = yaml.safe_load((rendered(name) / ".copier-answers.yml").read_text())
    assert recorded["_src_path"] and recorded["_commit"]
    for question, answer in ANSWER_SETS[name].items():
        assert recorded[question] == answer, question
    # Computed values are worked out afresh on update, never recorded.
    assert "model_inputs" not in recorded
