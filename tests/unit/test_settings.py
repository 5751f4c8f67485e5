from __future__ import annotations

from pathlib import Path

import pytest

from worker.errors import ConfigError
from worker.settings import ENV_DEFAULTS, Secret, load_settings, read_secret


def test_defaults_work_out_of_the_box() -> None:
    settings = load_settings({})
    assert settings.bootstrap == ("127.0.0.1:9092",)
    assert settings.topics.raw == "news.raw"
    assert settings.topics.dlq == "news.dlq"
    assert settings.web_port == 6066
    assert settings.processing_guarantee == "exactly_once"
    assert settings.max_body_bytes == 1_000_000
    assert settings.data_dir == Path("var")
    assert settings.broker_url == "kafka://127.0.0.1:9092"


def test_prefix_applies_to_every_topic() -> None:
    settings = load_settings({"NEWSWORKER_TOPIC_PREFIX": "staging."})
    names = [settings.topics.raw, settings.topics.enriched, settings.topics.quotes,
             settings.topics.entities, settings.topics.trends, settings.topics.dlq]
    assert all(name.startswith("staging.news.") for name in names)


def test_several_bootstrap_servers() -> None:
    settings = load_settings({"KAFKA_BOOTSTRAP": "a:9092, b:9093"})
    assert settings.bootstrap == ("a:9092", "b:9093")
    assert settings.broker_url == "kafka://a:9092;kafka://b:9093"


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("KAFKA_BOOTSTRAP", "localhost", "is not host:port"),
        ("KAFKA_BOOTSTRAP", "host:99999", "is not host:port"),
        ("NEWSWORKER_WEB_PORT", "http", "is not a whole number"),
        ("NEWSWORKER_WEB_PORT", "70000", "out of range"),
        ("NEWSWORKER_PROCESSING_GUARANTEE", "maybe_once", "must be one of"),
        ("NEWSWORKER_MAX_BODY_BYTES", "0", "out of range"),
        ("NEWSWORKER_TOPIC_RAW", "bad topic", "not a valid Kafka topic name"),
        ("NEWSWORKER_STORE", "redis", "must be one of"),
    ],
)
def test_bad_values_fail_with_one_clear_line(name: str, value: str, message: str) -> None:
    with pytest.raises(ConfigError) as excinfo:
        load_settings({name: value})
    text = str(excinfo.value)
    assert message in text
    assert name in text or value in text
    assert "\n" not in text


def test_topic_names_must_differ() -> None:
    with pytest.raises(ConfigError, match="must differ"):
        load_settings({"NEWSWORKER_TOPIC_DLQ": "news.raw"})


def test_every_default_is_valid() -> None:
    settings = load_settings(dict(ENV_DEFAULTS))
    assert settings == load_settings({})


def test_secret_from_file_wins_and_never_shows(tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text("from-file\n", encoding="utf-8")
    settings = load_settings({"NEWSWORKER_API_TOKEN": "from-env", "NEWSWORKER_API_TOKEN_FILE": str(token_file)})
    assert settings.api_token is not None
    assert settings.api_token.reveal() == "from-file"
    assert "from-file" not in repr(settings) and "from-file" not in str(settings.api_token)
    assert load_settings({"NEWSWORKER_API_TOKEN": "from-env"}).api_token == Secret("from-env")
    assert load_settings({}).api_token is None


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such file"), ("", "is empty"), ("\n", "is empty")],
)
def test_bad_secret_file_fails_without_its_content(tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "secret"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as caught:
        read_secret({"KAFKA_SASL_PASSWORD_FILE": str(path)}, "KAFKA_SASL_PASSWORD")
    assert "KAFKA_SASL_PASSWORD_FILE" in str(caught.value)
