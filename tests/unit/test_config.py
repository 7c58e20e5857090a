"""Production refuses settings that would put citizens' data at risk."""

import pytest

from selfservice.config import Config, ProductionConfig

SAFE = {
    "SELFSERVICE_SECRET_KEY": "k" * 40,
    "SELFSERVICE_BASE_URL": "https://selvbetjening.demokommune.dk",
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
