"""`copier update` between releases of the template keeps the user's work.

Each test clones the committed template into a temporary folder and makes its
own releases there, so it depends on neither this repository's tags nor its
uncommitted changes:

- v1.0.0, the old release: the template as committed, plus NOTES.md, and
  classes.md for multiclass models only;
- v1.1.0, the new release: the title in README.md changed, a comment added
  to model.py and train.py, a new UPDATING.md, and NOTES.md renamed
  HISTORY.md.

A project is rendered from one release and committed as a user would, then
edited and updated to another. Copier runs in-process, without `unsafe`, as
`copier update --defaults` does; the tests about what a user reads on the
terminal run the command itself.
"""

import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import copier
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
OLD, NEW = "v1.0.0", "v1.1.0"
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "Update test",
    "GIT_AUTHOR_EMAIL": "update@example.invalid",
    "GIT_COMMITTER_NAME": "Update test",
    "GIT_COMMITTER_EMAIL": "update@example.invalid",
}
ANSWERS_FILE = ".copier-answers.yml"
PACKAGE = "seed_two_series"
CONFLICT_START = "<<<<<<< before updating"
CONFLICT_END = ">>>>>>> after updating"

OLD_FILES = {
    "template/NOTES.md.jinja": "Notes on {{ project_name }}.\n",
    "template/{% if task == 'multiclass' %}classes.md{% endif %}.jinja": (
        "{{ num_classes }} classes.\n"
    ),
}
# Anchored on what any version of these files has, since others edit them.
NEW_EDITS = [
    ("template/README.md.jinja", r"^(# .*)$", r"\1, a Keras model"),
    ("template/{{package_name}}/model.py.jinja", r"^(import .*)$", r"\1  # 1.1"),
    ("template/train.py.jinja", r"^(import .*)$", r"\1  # 1.1"),
]
NEW_FILES = {
    "template/UPDATING.md.jinja": "How {{ project_name }} follows its template.\n"
}
NEW_RENAMES = {"template/NOTES.md.jinja": "template/HISTORY.md.jinja"}

USER_FUNCTION = '''

def count_parameters():
    """How many weights the model has, for our reports."""
    return build_model().count_params()
'''
USER_NOTES = "\n## Our notes\n\nWe train on the March data first.\n"
USER_FILE = "notes/experiments.md"


def git(*args, cwd):
    result = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, **GIT_IDENTITY},
        check=False,
    )
    assert result.returncode == 0, f"git {' '.join(args)}: {result.stderr}"
    return result.stdout


def run_copier(*args, cwd):
    """Runs the `copier` command, never with --trust."""
    return subprocess.run(
        [sys.executable, "-m", "copier", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, **GIT_IDENTITY},
        check=False,
    )


def release(template, tag, files=None, edits=(), renames=None):
    """Commits changes to a clone of the template and tags them as a release.

    Args:
        template: The clone.
        tag: The release's tag, such as "v1.1.0".
        files: New files, {path: text}.
        edits: (path, pattern, replacement): the first match of the regular
            expression, read line by line, is replaced as `re.sub` does.
        renames: Moved files, {path before: path after}.
    """
    for path, text in (files or {}).items():
        (template / path).write_text(text)
    for path, pattern, replacement in edits:
        text = (template / path).read_text()
        text, count = re.subn(pattern, replacement, text, count=1, flags=re.MULTILINE)
        assert count == 1, (
            f"{path}: no line matches {pattern!r}; the template changed, so the"
            " test's release needs another anchor"
        )
        (template / path).write_text(text)
    for before, after in (renames or {}).items():
        git("mv", before, after, cwd=template)
    git("add", "--all", cwd=template)
    git("commit", "--quiet", "--message", f"Release {tag}", cwd=template)
    git("tag", tag, cwd=template)


@pytest.fixture(autouse=True)
def git_identity(monkeypatch):
    """Copier commits in temporary repositories while it updates."""
    for name, value in GIT_IDENTITY.items():
        monkeypatch.setenv(name, value)


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A clone of the committed template with the releases OLD and NEW."""
    clone = tmp_path_factory.mktemp("releases") / "multilstm-template"
    git("clone", "--quiet", "--no-tags", str(ROOT), str(clone), cwd=ROOT)
    release(clone, OLD, files=OLD_FILES)
    release(clone, NEW, files=NEW_FILES, edits=NEW_EDITS, renames=NEW_RENAMES)
    return clone


@pytest.fixture
def own_template(template, tmp_path):
    """A clone of `template` a test may add releases to."""
    clone = tmp_path / "own-template"
    git("clone", "--quiet", str(template), str(clone), cwd=tmp_path)
    return clone


def seed_answers(template, **changes):
    """The seed_two_series example's answers, with some changed."""
    path = template / "examples" / "seed_two_series" / "answers.yml"
    return {**yaml.safe_load(path.read_text()), **changes}


def copy(template, ref, destination, answers):
    copier.run_copy(
        str(template),
        str(destination),
        data=answers,
        vcs_ref=ref,
        defaults=True,
        quiet=True,
        unsafe=False,
    )
    return destination


def start_project(template, project, answers, ref=OLD):
    """Renders a project and commits it, as a user starts one."""
    copy(template, ref, project, answers)
    git("init", "--quiet", cwd=project)
    commit_all(project, "Start from the template")
    return project


def commit_all(project, message):
    git("add", "--all", cwd=project)
    git("commit", "--quiet", "--allow-empty", "--message", message, cwd=project)


def update(project, ref=NEW, **answers):
    """Updates as `copier update --defaults --vcs-ref REF -d ...` does."""
    copier.run_update(
        str(project),
        data=answers,
        vcs_ref=ref,
        defaults=True,
        overwrite=True,
        quiet=True,
        unsafe=False,
    )


def recorded(project):
    return yaml.safe_load((project / ANSWERS_FILE).read_text())


def tree(project):
    """Every file outside .git as text, the answers file without `_commit`."""
    files = {}
    for path in sorted(project.rglob("*")):
        relative = path.relative_to(project)
        if path.is_file() and ".git" not in relative.parts:
            files[relative.as_posix()] = path.read_text()
    files[ANSWERS_FILE] = "".join(
        line
        for line in files[ANSWERS_FILE].splitlines(keepends=True)
        if not line.startswith("_commit:")
    )
    return files


def fresh(template, ref, answers, tmp_path):
    """The files of a new project rendered from `ref`."""
    return tree(copy(template, ref, tmp_path / f"fresh-{ref}", answers))


def edit_as_user(project):
    """Edits two generated files where the new release changes nothing, adds a
    file of the user's own and deletes a generated file the user does not
    need, then commits."""
    model = project / PACKAGE / "model.py"
    model.write_text(model.read_text() + USER_FUNCTION)
    readme = project / "README.md"
    readme.write_text(readme.read_text() + USER_NOTES)
    own = project / USER_FILE
    own.parent.mkdir()
    own.write_text("Run 3 overfits after epoch 12.\n")
    (project / "predict.py").unlink()
    commit_all(project, "Make the project ours")


def conflicted_files(project):
    return git("diff", "--name-only", "--diff-filter=U", cwd=project).split()


def test_update_keeps_user_edits_and_applies_template_changes(template, tmp_path):
    answers = seed_answers(template)
    project = start_project(template, tmp_path / "project", answers)
    edit_as_user(project)

    update(project)

    files = tree(project)
    expected = fresh(template, NEW, answers, tmp_path)
    model, readme = f"{PACKAGE}/model.py", "README.md"
    assert files[model] == expected[model] + USER_FUNCTION
    assert files[readme] == expected[readme] + USER_NOTES
    assert files[USER_FILE] == "Run 3 overfits after epoch 12.\n"
    assert "predict.py" not in files, "a file the user deleted came back"
    assert "NOTES.md" not in files and "HISTORY.md" in files
    untouched = set(expected) - {model, readme, "predict.py"}
    assert {path: files[path] for path in untouched} == {
        path: expected[path] for path in untouched
    }
    assert set(files) == untouched | {model, readme, USER_FILE}
    assert recorded(project)["_commit"] == NEW
    assert conflicted_files(project) == []
    ast.parse(files[model])


def test_update_marks_a_line_both_sides_changed_as_a_conflict(template, tmp_path):
    answers = seed_answers(template)
    project = start_project(template, tmp_path / "project", answers)
    readme = project / "README.md"
    title = re.compile(r"^# .*$", flags=re.MULTILINE)
    readme.write_text(title.sub("# Our forecaster", readme.read_text(), count=1))
    commit_all(project, "Rename the project in the README")

    update(project)

    expected = fresh(template, NEW, answers, tmp_path)
    lines = readme.read_text().splitlines()
    start = lines.index(CONFLICT_START)
    assert lines[start : start + 5] == [
        CONFLICT_START,
        "# Our forecaster",
        "=======",
        title.search(expected["README.md"]).group(),
        CONFLICT_END,
    ]
    assert conflicted_files(project) == ["README.md"]
    model = f"{PACKAGE}/model.py"
    assert tree(project)[model] == expected[model], "the rest is still merged"


def test_update_without_edits_gives_a_fresh_copy_of_the_new_release(template, tmp_path):
    answers = seed_answers(template)
    project = start_project(template, tmp_path / "project", answers)

    update(project)

    assert tree(project) == fresh(template, NEW, answers, tmp_path)


def test_a_second_update_changes_nothing(template, tmp_path):
    project = start_project(template, tmp_path / "project", seed_answers(template))
    edit_as_user(project)
    update(project)
    commit_all(project, "Update the template")

    update(project)

    assert git("status", "--porcelain", cwd=project) == ""


# series_a renamed, series_b renamed with a GRU branch, and a third input.
RENAMED_INPUTS = [
    {"name": "prices", "kind": "series", "timesteps": 10, "features": 1},
    {
        "name": "volumes",
        "kind": "series",
        "timesteps": 5,
        "features": 3,
        "branch": "gru",
    },
    {"name": "weather", "kind": "series", "timesteps": 7, "features": 4},
]


@pytest.mark.parametrize(
    "before, changes",
    [
        pytest.param(
            {}, {"inputs": RENAMED_INPUTS}, id="inputs-added-renamed-rebranched"
        ),
        pytest.param({}, {"inputs": RENAMED_INPUTS[:1]}, id="inputs-cut-to-one"),
        pytest.param({}, {"task": "multiclass", "num_classes": 4}, id="to-multiclass"),
        pytest.param(
            {"task": "multiclass", "num_classes": 4},
            {"task": "binary"},
            id="from-multiclass",
        ),
    ],
)
def test_update_with_new_answers_renders_only_the_new_design(
    template, tmp_path, before, changes
):
    """Files rendered only for the old answers (classes.md) are removed."""
    answers = seed_answers(template, **before)
    project = start_project(template, tmp_path / "project", answers)

    update(project, **changes)

    files = tree(project)
    assert files == fresh(template, NEW, {**answers, **changes}, tmp_path)
    assert ("classes.md" in files) == (changes.get("task") == "multiclass")
    for name, value in changes.items():
        assert recorded(project)[name] == value


def test_update_deletes_an_edited_file_the_release_dropped_but_git_keeps_it(
    template, tmp_path
):
    """Copier removes a file the new release no longer renders even when the
    user edited it; the update shows it deleted, and the user's last commit
    still holds the text."""
    project = start_project(template, tmp_path / "project", seed_answers(template))
    notes = project / "NOTES.md"
    notes.write_text(notes.read_text() + "Our own line.\n")
    commit_all(project, "Add to the notes")

    update(project)

    assert not notes.exists()
    assert " D NOTES.md" in git("status", "--porcelain", cwd=project).splitlines()
    assert "Our own line." in git("show", "HEAD:NOTES.md", cwd=project)


def test_update_needs_no_trust_and_going_back_is_a_recopy(template, tmp_path):
    """Copier refuses to update to an older release, whatever the template;
    `copier recopy` renders the older one afresh, leaving behind the files
    only the newer release rendered. Neither asks for --trust."""
    answers = seed_answers(template)
    project = start_project(template, tmp_path / "project", answers)
    result = run_copier("update", "--defaults", "--vcs-ref", NEW, cwd=project)
    assert result.returncode == 0, result.stderr
    commit_all(project, "Update the template")
    before = tree(project)

    result = run_copier("update", "--defaults", "--vcs-ref", OLD, cwd=project)
    assert result.returncode == 1
    assert "Downgrades are not supported" in result.stderr
    assert tree(project) == before

    result = run_copier("recopy", "--force", "--vcs-ref", OLD, cwd=project)
    assert result.returncode == 0, result.stderr
    expected = fresh(template, OLD, answers, tmp_path)
    left_behind = {path: before[path] for path in ("HISTORY.md", "UPDATING.md")}
    assert tree(project) == {**expected, **left_behind}
    assert "trust" not in result.stderr.lower()


def test_recopy_renders_afresh_with_the_recorded_answers(template, tmp_path):
    """`copier recopy --force` discards edits to generated files and restores
    deleted ones; files of the user's own stay."""
    answers = seed_answers(template, target_name="label")
    project = start_project(template, tmp_path / "project", answers)
    edit_as_user(project)

    result = run_copier("recopy", "--force", "--vcs-ref", OLD, cwd=project)

    assert result.returncode == 0, result.stderr
    own = {USER_FILE: "Run 3 overfits after epoch 12.\n"}
    assert tree(project) == {**fresh(template, OLD, answers, tmp_path), **own}


@pytest.mark.slow
def test_update_after_training_keeps_the_outputs(template, tmp_path):
    project = start_project(template, tmp_path / "project", seed_answers(template))
    training = subprocess.run(
        [sys.executable, "train.py", "--epochs", "1"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert training.returncode == 0, training.stderr[-3000:]
    outputs = project / "outputs"
    for name in ("model.keras", "metrics.json", "history.csv"):
        assert (outputs / name).is_file(), f"training wrote no {name}"
    trained = {path: path.read_bytes() for path in outputs.rglob("*") if path.is_file()}
    assert git("status", "--porcelain", cwd=project) == "", "outputs not ignored"

    update(project)

    assert recorded(project)["_commit"] == NEW
    assert {
        path: path.read_bytes() for path in outputs.rglob("*") if path.is_file()
    } == trained
    changed = git("status", "--porcelain", "--untracked-files=all", cwd=project)
    assert "outputs/" not in changed


SAME_LENGTH_INPUTS = [
    {"name": "series_a", "kind": "series", "timesteps": 10, "features": 1},
    {"name": "series_b", "kind": "series", "timesteps": 10, "features": 3},
]


def tightened(check, refusal):
    """An edit of copier.yml that adds `refusal` to the validator `check`."""
    return ("copier.yml", re.escape(check), lambda match: match.group() + refusal)


# Each stricter release refuses an answer the old one accepted, while the
# question's default alone passes: without the guard in copier.yml, Copier
# would record that default in place of the user's answer.
REFUSALS = [
    pytest.param(
        {"preset": "custom"},
        tightened(
            "{{ check_inputs(inputs) }}",
            "{% for spec in inputs if spec.name | length > 6 %}"
            'input names have at most 6 characters now: "{{ spec.name }}"'
            "{% endfor %}",
        ),
        ["question 'inputs'", 'at most 6 characters now: "series_a"'],
        id="inputs",
    ),
    pytest.param(
        {"task": "binary"},
        ("copier.yml", r"^ +[^\n]*: binary\n", ""),
        ["Invalid choice for 'task'", "'binary' is not in"],
        id="task",
    ),
    pytest.param(
        {"fusion": "sequence", "inputs": SAME_LENGTH_INPUTS},
        tightened(
            "{{ check_fusion(inputs, fusion) }}",
            '{% if fusion == "sequence" %}fusion: sequence needs branch: none'
            " everywhere now{% endif %}",
        ),
        ["question 'fusion'", "needs branch: none everywhere now"],
        id="fusion",
    ),
    pytest.param(
        {"target_name": "label"},
        tightened(
            "{{ check_target_name(target_name, inputs) }}",
            '{% if target_name == "label" %}"label" is reserved now{% endif %}',
        ),
        ["question 'target_name'", '"label" is reserved now'],
        id="target_name",
    ),
    pytest.param(
        {"package_name": "forecaster"},
        tightened(
            "{{ check_package_name(package_name) }}",
            '{% if package_name == "forecaster" %}"forecaster" is taken now'
            "{% endif %}",
        ),
        ["question 'package_name'", '"forecaster" is taken now'],
        id="package_name",
    ),
]


@pytest.mark.parametrize("answers, tightening, messages", REFUSALS)
def test_update_stops_when_a_release_refuses_a_recorded_answer(
    own_template, tmp_path, answers, tightening, messages
):
    project = start_project(
        own_template, tmp_path / "project", seed_answers(own_template, **answers)
    )
    release(own_template, "v1.2.0", edits=[tightening])
    before = tree(project)
    answers_file = (project / ANSWERS_FILE).read_text()

    result = run_copier("update", "--defaults", "--vcs-ref", "v1.2.0", cwd=project)

    assert result.returncode != 0
    for message in messages:
        assert message in result.stderr
    assert (project / ANSWERS_FILE).read_text() == answers_file
    assert tree(project) == before
    assert git("status", "--porcelain", cwd=project) == ""


def test_update_stops_when_new_answers_invalidate_a_recorded_one(template, tmp_path):
    """Branches of `none` need sequence fusion. Without the guard, Copier
    would quietly swap the recorded `concatenate` for the default; instead the
    update stops, and goes through once the user gives the fusion."""
    project = start_project(template, tmp_path / "project", seed_answers(template))
    before = tree(project)
    pass_through = [{**spec, "branch": "none"} for spec in SAME_LENGTH_INPUTS]
    new_inputs = f"inputs={json.dumps(pass_through)}"

    result = run_copier("update", "--defaults", "-d", new_inputs, cwd=project)

    assert result.returncode != 0
    assert "question 'fusion'" in result.stderr
    assert "(received fusion: concatenate)" in result.stderr
    assert tree(project) == before
    result = run_copier(
        "update", "--defaults", "-d", new_inputs, "-d", "fusion=sequence", cwd=project
    )
    assert result.returncode == 0, result.stderr
    assert recorded(project)["fusion"] == "sequence"


def test_update_stops_when_new_answers_leave_class_names_short(template, tmp_path):
    """Four recorded class names cannot name five classes: the update stops
    rather than dropping the names for the default []."""
    answers = seed_answers(
        template, task="multiclass", num_classes=3, class_names=["a", "b", "c"]
    )
    project = start_project(template, tmp_path / "project", answers)
    before = tree(project)

    result = run_copier("update", "--defaults", "-d", "num_classes=4", cwd=project)

    assert result.returncode != 0
    assert "question 'class_names'" in result.stderr
    assert "4 classes" in result.stderr
    assert tree(project) == before
    result = run_copier(
        "update",
        "--defaults",
        "-d",
        "num_classes=4",
        "-d",
        "class_names=[a, b, c, d]",
        cwd=project,
    )
    assert result.returncode == 0, result.stderr
    assert recorded(project)["class_names"] == ["a", "b", "c", "d"]


# Replaying v1.0.0, which asks target_name, without a recorded answer reads the
# answers of the replay's empty folder; a release that never asked would not.
@pytest.mark.filterwarnings("ignore:File not found")
def test_update_keeps_older_answers_that_are_still_valid(template, tmp_path):
    """Short forms (units as a number, no branch) keep their values, and a
    question the project never answered takes its default."""
    short = {"name": "prices", "kind": "series", "timesteps": 12, "features": 2}
    inputs = [{**short, "units": 64}]
    answers = seed_answers(template, preset="custom", inputs=inputs)
    project = start_project(template, tmp_path / "project", answers)
    older = recorded(project)
    del older["target_name"]
    (project / ANSWERS_FILE).write_text(yaml.safe_dump(older))
    commit_all(project, "Answers as a release without target_name wrote them")

    update(project)

    assert recorded(project) == {**older, "_commit": NEW, "target_name": "target"}
    assert recorded(project)["inputs"] == inputs


def test_copier_alone_replaces_a_refused_answer_with_the_default(tmp_path):
    """Why copier.yml hands recorded answers back (includes/recorded.jinja):
    Copier 9 drops an answer the newer release refuses and records the
    default, without a word. Should this fail, Copier has changed."""
    template = tmp_path / "template"
    template.mkdir()
    (template / "{{_copier_conf.answers_file}}.jinja").write_text(
        "{{ _copier_answers | to_nice_yaml }}"
    )
    (template / "copier.yml").write_text("colour:\n  type: str\n  default: red\n")
    git("init", "--quiet", cwd=template)
    release(template, OLD)
    project = start_project(template, tmp_path / "project", {"colour": "blue"})
    refusal = "  validator: \"{% if colour == 'blue' %}no blue{% endif %}\"\n"
    with (template / "copier.yml").open("a") as config:
        config.write(refusal)
    release(template, NEW)

    update(project)

    assert recorded(project)["colour"] == "red"
