import shutil

import pytest

from generator.render import render

from projects import ANSWER_SETS


@pytest.fixture(scope="session")
def rendered(tmp_path_factory):
    """Renders an answer set at most once per session; returns its folder.

    Nothing runs in this folder, so it holds exactly what Copier wrote.
    """
    folders = {}

    def render_once(name):
        if name not in folders:
            folders[name] = render(ANSWER_SETS[name], tmp_path_factory.mktemp(name))
        return folders[name]

    return render_once


@pytest.fixture(scope="session")
def project(rendered, tmp_path_factory):
    """A copy of an answer set's rendering, made once, to run tools and code in."""
    folders = {}

    def copy_once(name):
        if name not in folders:
            destination = tmp_path_factory.mktemp("run") / name
            shutil.copytree(rendered(name), destination)
            folders[name] = destination
        return folders[name]

    return copy_once
