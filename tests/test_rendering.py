"""Rendering itself: answers recorded, and the same answers, the same files."""

import filecmp

import yaml

from generator.render import render

from projects import ANSWER_SETS


def tree(folder):
    return sorted(
        str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file()
    )


def test_rendering_twice_gives_identical_files(tmp_path):
    for name in ["basic_motions", "text_gru_multilabel"]:
        first = render(ANSWER_SETS[name], tmp_path / name / "first")
        second = render(ANSWER_SETS[name], tmp_path / name / "second")
        files = tree(first)
        assert files == tree(second)
        _, mismatch, errors = filecmp.cmpfiles(first, second, files, shallow=False)
        assert errors == []
        # The answers file names the template's commit, which moves while the
        # template has uncommitted changes; everything else must match.
        assert set(mismatch) <= {".copier-answers.yml"}
        answers = [
            yaml.safe_load((project / ".copier-answers.yml").read_text())
            for project in (first, second)
        ]
        for recorded in answers:
            recorded.pop("_commit")
        assert answers[0] == answers[1]


def test_answers_are_recorded_for_copier_update(tmp_path):
    answers = ANSWER_SETS["japanese_vowels"]
    project = render(answers, tmp_path / "project")
    recorded = yaml.safe_load((project / ".copier-answers.yml").read_text())
    for question in ["package_name", "inputs", "task", "num_classes", "class_names"]:
        assert recorded[question] == answers[question]
    assert "_commit" in recorded and "_src_path" in recorded
