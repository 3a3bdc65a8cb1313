import pytest

from generator.render import render

from projects import ANSWER_SETS


@pytest.fixture(scope="session")
def rendered(tmp_path_factory):
    """Renders an answer set at most once per session; returns its folder."""
    projects = {}

    def project(name):
        if name not in projects:
            destination = tmp_path_factory.mktemp("projects") / name
            projects[name] = render(ANSWER_SETS[name], destination)
        return projects[name]

    return project
