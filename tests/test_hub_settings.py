"""The class server's settings, roster checks and pins (tools/hub/, hub/); tests/test_hub.py runs the server."""
import json
import re

import pytest

from test_repository import pins
from tools import ROOT
from tools.hub import HubError
from tools.hub.processes import stop
from tools.hub.settings import read_settings, read_students

SETTINGS = (ROOT / "hub" / "hub.toml").read_text()


def write(tmp_path, text, roster=None):
    (tmp_path / "hub.toml").write_text(text)
    if roster is not None:
        (tmp_path / "roster.csv").write_text("id,first_name,last_name,email,lms_id\n" + roster)
    return tmp_path / "hub.toml"


def test_the_settings_serve_this_course_on_loopback_and_the_port_can_be_changed():
    settings = read_settings()
    assert (settings.course, settings.roster) == (ROOT, ROOT / "roster.csv")
    assert settings.url == "http://127.0.0.1:8000"
    assert settings.class_env.parent == settings.hub_env.parent == settings.proxy.parent == settings.prefix
    assert read_settings(port="8123").port == 8123


@pytest.mark.parametrize("change, words", [
    (lambda s: s.replace('ip = "127.0.0.1"', ""), "ip: the settings are"),
    (lambda s: s + 'passwords = "x"\n', "passwords: the settings are"),
    (lambda s: s.replace('["instructor"]', '["Prof. Smith"]'), "'Prof. Smith' cannot be a Unix account"),
    (lambda s: s.replace('["instructor"]', "[]"), "instructors must list at least one account"),
    (lambda s: s.replace("port = 8000", "port = 80000"), "80000 is not a port"),
    (lambda s: s.replace("port = 8000", "port = "), "hub.toml: "),
])
def test_a_mistake_in_the_settings_is_said_in_one_line(tmp_path, change, words):
    with pytest.raises(HubError) as raised:
        read_settings(write(tmp_path, change(SETTINGS)))
    assert words in str(raised.value) and "\n" not in str(raised.value)


@pytest.mark.parametrize("roster, words", [
    ("Alice,A,B,a@example.org,1\n", "'Alice' cannot be a Unix account"),  # JupyterHub would log in `alice`
    ("instructor,A,B,a@example.org,1\n", "instructor is an instructor of the Hub, not a student"),
    ("alice,A,B\n", "3 fields where the header has 5"),
])
def test_a_roster_student_who_cannot_be_an_account_stops_the_hub_in_one_line(tmp_path, roster, words):
    config = write(tmp_path, SETTINGS.replace("../roster.csv", "roster.csv"), roster)
    with pytest.raises(HubError, match=re.escape(words)):
        read_students(read_settings(config))
    assert read_students(read_settings(write(tmp_path, config.read_text(), "ann,A,B,a@example.org,1\n"))) == ["ann"]


def test_the_class_environments_lock_holds_the_course_pins_and_jupyterhubs():
    locked = pins(ROOT / "hub" / "constraints.txt")
    for requirements in (ROOT / "requirements.txt", ROOT / "hub" / "requirements.txt"):
        for name, version in pins(requirements).items():
            assert locked.get(name) == version, (requirements.name, name)
    assert "jupyterhub" in pins(ROOT / "hub" / "requirements.txt")


def test_the_proxy_is_pinned_exactly_and_locked():
    wanted = json.loads((ROOT / "hub" / "package.json").read_text())["dependencies"]["configurable-http-proxy"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", wanted)
    lock = json.loads((ROOT / "hub" / "package-lock.json").read_text())
    assert lock["packages"]["node_modules/configurable-http-proxy"]["version"] == wanted
    assert all("integrity" in package for name, package in lock["packages"].items() if name)


def test_stopping_a_hub_that_does_not_run_says_so(tmp_path):
    settings = read_settings(write(tmp_path, SETTINGS.replace('"/srv/nn-from-scratch/hub"', f'"{tmp_path}"')))
    assert stop(settings) == "JupyterHub is not running"
    (tmp_path / "hub.pid").write_text("1 0\n")  # a pid that lives on in another process: not the Hub's
    assert stop(settings) == "JupyterHub is not running"
