"""Production refuses settings that would put citizens' data at risk."""

import multiprocessing
import stat

import pytest

from selfservice.config import DEFAULT_SECRET, SECRET_KEY_FILE, Config, ProductionConfig, instance_secret_key

SAFE = {
    "SELFSERVICE_SECRET_KEY": "k" * 40,
    "SELFSERVICE_BASE_URL": "https://selvbetjening.demokommune.dk",
    "SELFSERVICE_RATELIMIT_STORAGE_URI": "redis://127.0.0.1:6379/0",
}


@pytest.fixture
def production_env(monkeypatch):
    for name, value in SAFE.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("SELFSERVICE_DEMO_MODE", raising=False)
    return monkeypatch


def test_production_starts_with_safe_settings_and_secure_host_cookies(production_env):
    config = ProductionConfig()
    assert config.SESSION_COOKIE_SECURE is True
    assert config.SESSION_COOKIE_NAME.startswith("__Host-")
    assert config.HSTS is True


def test_production_refuses_the_default_secret_key(production_env):
    production_env.delenv("SELFSERVICE_SECRET_KEY")
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        ProductionConfig()


def test_production_refuses_demo_mode(production_env):
    production_env.setenv("SELFSERVICE_DEMO_MODE", "1")
    with pytest.raises(RuntimeError, match="DEMO_MODE"):
        ProductionConfig()


def test_production_refuses_rate_limits_counted_per_process(production_env):
    """Review F4: with memory:// every worker and instance allowed the full number of sign-in attempts."""
    production_env.setenv("SELFSERVICE_RATELIMIT_STORAGE_URI", "memory://")
    with pytest.raises(RuntimeError, match="RATELIMIT_STORAGE_URI"):
        ProductionConfig()


def test_production_refuses_cookies_without_https(production_env):
    production_env.setenv("SELFSERVICE_COOKIE_SECURE", "0")
    with pytest.raises(RuntimeError, match="Secure"):
        ProductionConfig()


def test_settings_come_from_selfservice_environment_variables(monkeypatch):
    monkeypatch.setenv("SELFSERVICE_SESSION_IDLE_MINUTES", "10")
    monkeypatch.setenv("SELFSERVICE_JOBCENTRE_NAME", "Jobcenter Testby")
    config = Config()
    assert config.SESSION_IDLE_TIMEOUT.total_seconds() == 600
    assert config.JOBCENTRE_NAME == "Jobcenter Testby"


# --- An instance without SELFSERVICE_SECRET_KEY (December 2026 review, F17) ------------------------------------------


def test_without_a_key_an_instance_makes_a_random_one_once_readable_only_by_its_owner(tmp_path):
    first = instance_secret_key(str(tmp_path))
    assert len(first) >= 32 and first != DEFAULT_SECRET
    key_file = tmp_path / SECRET_KEY_FILE
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert instance_secret_key(str(tmp_path)) == first  # a restart signs with the same key
    assert instance_secret_key(str(tmp_path / "other")) != first  # another instance has its own
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def _key_in_a_new_process(folder: str, start, keys) -> None:
    start.wait()
    keys.put(instance_secret_key(folder))


def test_workers_and_commands_starting_together_agree_on_one_key(tmp_path):
    context = multiprocessing.get_context("spawn")
    start, keys = context.Event(), context.Queue()
    workers = [context.Process(target=_key_in_a_new_process, args=(str(tmp_path), start, keys)) for _ in range(6)]
    for worker in workers:
        worker.start()
    start.set()
    found = {keys.get(timeout=60) for _ in workers}
    for worker in workers:
        worker.join(timeout=60)
    assert found == {(tmp_path / SECRET_KEY_FILE).read_text().strip()}


def test_a_damaged_key_file_stops_the_start_with_a_clear_message(tmp_path):
    (tmp_path / SECRET_KEY_FILE).write_text("\n")
    with pytest.raises(RuntimeError, match="delete it"):
        instance_secret_key(str(tmp_path))
