"""The command line as a person meets it: help everywhere, one clear line on a mistake."""

import subprocess
import sys

import pytest
from click.testing import CliRunner

from strichka.cli import cli

COMMANDS = [
    [], ["sources"], ["sources", "add"], ["sources", "add-defaults"], ["sources", "list"], ["sources", "remove"],
    ["sources", "import-opml"], ["sources", "export-opml"], ["crawl"], ["run"], ["worker"], ["articles"], ["articles", "remove"], ["serve"], ["demo"],
    ["extract"], ["media"], ["media", "gc"], ["settings"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a) or "strichka")
def test_every_command_has_help(args):
    result = CliRunner().invoke(cli, [*args, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output and len(result.output.splitlines()) >= 4


def test_settings_lists_every_environment_variable():
    result = CliRunner().invoke(cli, ["settings"])
    assert "STRICHKA_ALLOW_PRIVATE_NETWORKS" in result.output and "STRICHKA_DATABASE_URL" in result.output


def test_bad_arguments_give_one_line_not_a_traceback(tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["--data-dir", str(tmp_path), "sources", "remove", "Nonexistent"])
    assert result.exit_code == 1
    assert "no source 'Nonexistent'" in result.output and "Traceback" not in result.output
    result = runner.invoke(cli, ["--data-dir", str(tmp_path), "extract", str(tmp_path / "missing.html")])
    assert result.exit_code == 1 and "no such file" in result.output


def test_bad_environment_value_is_one_clear_line(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "strichka", "--data-dir", str(tmp_path), "sources", "list"],
        capture_output=True, text=True, env={"STRICHKA_PORT": "eighty", "PATH": ""},
    )
    assert proc.returncode != 0
    assert "STRICHKA_PORT='eighty'" in proc.stderr and "Traceback" not in proc.stderr


def test_sources_list_on_an_empty_catalogue_says_what_to_do(tmp_path):
    result = CliRunner().invoke(cli, ["--data-dir", str(tmp_path), "sources", "list"])
    assert result.exit_code == 0 and "strichka sources add" in result.output


def test_opml_round_trip_through_the_command_line(tmp_path):
    opml = tmp_path / "in.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>'
        '<outline text="Вісті Подолу" title="Вісті Подолу" type="rss" xmlUrl="https://visti.example/rss"/>'
        '<outline text="Kyiv Ledger" type="rss" xmlUrl="https://ledger.example/feed" htmlUrl="https://ledger.example/"/>'
        "</body></opml>",
        encoding="utf-8",
    )
    runner = CliRunner()
    assert runner.invoke(cli, ["--data-dir", str(tmp_path), "sources", "import-opml", str(opml)]).exit_code == 0
    listed = runner.invoke(cli, ["--data-dir", str(tmp_path), "sources", "list"]).output
    assert "Вісті Подолу" in listed and "https://ledger.example/feed" in listed
    out = tmp_path / "out.opml"
    assert runner.invoke(cli, ["--data-dir", str(tmp_path), "sources", "export-opml", "-o", str(out)]).exit_code == 0
    exported = out.read_text("utf-8")
    assert "https://visti.example/rss" in exported and "Вісті Подолу" in exported
    removed = runner.invoke(cli, ["--data-dir", str(tmp_path), "sources", "remove", "Kyiv Ledger"])
    assert removed.exit_code == 0 and "with 0 articles" in removed.output
    assert "ledger.example" not in runner.invoke(cli, ["--data-dir", str(tmp_path), "sources", "list"]).output


@pytest.mark.parametrize("command", [["serve"], ["demo"]])
def test_a_taken_port_is_one_clear_line_before_any_work(tmp_path, command):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["--data-dir", str(tmp_path), *command, "--port", str(port)])
    assert result.exit_code == 1, result.output
    assert f"cannot serve on 127.0.0.1:{port}" in result.output and "--port" in result.output
    assert "Traceback" not in result.output and "simulated news web" not in result.output
