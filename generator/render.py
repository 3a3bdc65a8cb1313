"""Rendering projects from the template with Copier's public API."""

from pathlib import Path

import copier
import yaml

from generator import EXAMPLES, ROOT


def example_answers(name):
    """Reads `examples/<name>/answers.yml` into a dict."""
    path = EXAMPLES / name / "answers.yml"
    if not path.is_file():
        known = ", ".join(sorted(example_names()))
        raise FileNotFoundError(f"no example named {name!r}; known: {known}")
    return yaml.safe_load(path.read_text())


def example_names():
    """The names of the examples that have an answers file."""
    return sorted(path.parent.name for path in EXAMPLES.glob("*/answers.yml"))


def render(answers, destination, template=ROOT, vcs_ref="HEAD"):
    """Renders a project as `copier copy --defaults --data ...` would.

    Args:
        answers: A dict of answers; unanswered questions take their defaults.
        destination: The folder to render into.
        template: The template repository. Defaults to this one.
        vcs_ref: The git reference to render from. Defaults to "HEAD".

    Returns:
        The destination as a `Path`.
    """
    copier.run_copy(
        str(template),
        str(destination),
        data=answers,
        defaults=True,
        vcs_ref=vcs_ref,
        quiet=True,
        unsafe=False,
    )
    return Path(destination)
