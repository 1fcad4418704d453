import dataclasses

import pytest

from strichka.settings import Settings, describe


def test_every_setting_has_help_and_an_env_name():
    for name, env, _default, help_text in describe():
        assert env == "STRICHKA_" + name.upper()
        assert len(help_text) > 10, name


def test_environment_is_read_and_typed():
    s = Settings.load(
        environ={"STRICHKA_PORT": "9090", "STRICHKA_ALLOW_PRIVATE_NETWORKS": "1", "STRICHKA_FETCH_TIMEOUT": "2.5"}
    )
    assert (s.port, s.allow_private_networks, s.fetch_timeout) == (9090, True, 2.5)


def test_overrides_beat_environment_and_settings_are_frozen():
    s = Settings.load(environ={"STRICHKA_PORT": "9090"}, port=7000)
    assert s.port == 7000
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.port = 1  # type: ignore[misc]


def test_bad_values_say_which_variable_and_what_is_expected():
    with pytest.raises(ValueError, match="STRICHKA_PORT='eighty'.*int"):
        Settings.load(environ={"STRICHKA_PORT": "eighty"})
    with pytest.raises(ValueError, match="STRICHKA_ALLOW_PRIVATE_NETWORKS"):
        Settings.load(environ={"STRICHKA_ALLOW_PRIVATE_NETWORKS": "maybe"})


def test_default_database_is_sqlite_under_the_data_dir(tmp_path):
    s = Settings.load(environ={}, home=str(tmp_path))
    assert s.resolved_database_url == f"sqlite:///{tmp_path / 'strichka.db'}"
    assert s.resolved_media_url == f"file://{tmp_path / 'media'}"
