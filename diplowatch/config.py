"""Settings, read from the environment and `.env` (see `.env.example`)."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DISCORD_API_BASE = "https://discord.com/api/v10"
DISCORD_GATEWAY_URL = "wss://gateway.discord.gg/"
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class SettingsError(Exception):
    """A setting is missing or wrong; the message names it and says what to do."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    discord_token: SecretStr | None = None
    discord_guild_id: int | None = None
    alert_channel_id: int | None = None
    digest_channel_id: int | None = None
    drop_dir: Path = Path("seeds")
    data_dir: Path = Path("data")
    # Day names, not numbers: APScheduler 3 counts weekdays from Monday = 0, cron from Sunday.
    digest_day: str = "mon"
    digest_time: str = "09:00"
    digest_tz: str = "Europe/Paris"
    spacy_model: str = "fr_core_news_sm"
    log_level: str = "INFO"
    discord_api_base: str = DISCORD_API_BASE
    discord_gateway_url: str = DISCORD_GATEWAY_URL
    watch_poll: bool = False
    rescan_seconds: float = Field(default=60.0, gt=0)
    settle_seconds: float = Field(default=1.0, ge=0)
    max_file_mb: float = Field(default=20.0, gt=0)
    # Articles reaching a channel within this many seconds of its last card's first one join
    # that card (one message edited in place) instead of each posting their own; 0: never.
    alert_window_seconds: float = Field(default=60.0, ge=0, le=3600)
    # Tries to reach Discord at start (1, 2, 4 … 60 s apart) before giving up with exit 4.
    discord_connect_attempts: int = Field(default=8, ge=1)
    # The language of channel posts (alerts, the digest) and of the console; a slash command
    # answers in its user's own Discord language.
    locale: str = "fr"

    @field_validator("discord_token", mode="before")
    @classmethod
    def _empty_token_is_none(cls, value):
        return value or None

    @field_validator("discord_guild_id", "alert_channel_id", "digest_channel_id", mode="before")
    @classmethod
    def _empty_id_is_none(cls, value):
        return None if value in ("", None) else value

    @field_validator("digest_day")
    @classmethod
    def _day(cls, value: str) -> str:
        day = value.strip().lower()[:3]
        if day not in DAY_NAMES:
            raise ValueError(f"must be a day name such as mon or monday, not {value!r}")
        return day

    @field_validator("digest_time")
    @classmethod
    def _time(cls, value: str) -> str:
        hours, _, minutes = value.partition(":")
        if not (hours.isdigit() and minutes.isdigit() and int(hours) < 24 and int(minutes) < 60):
            raise ValueError(f"must be HH:MM, not {value!r}")
        return f"{int(hours):02d}:{int(minutes):02d}"

    @field_validator("digest_tz")
    @classmethod
    def _tz(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"is not a known time zone such as Europe/Paris: {value!r}") from None
        return value

    @field_validator("locale")
    @classmethod
    def _locale(cls, value: str) -> str:
        code = value.strip().lower().replace("_", "-").split("-")[0]
        if code not in ("fr", "en"):
            raise ValueError(f"must be fr or en, not {value!r}")
        return code

    @field_validator("log_level")
    @classmethod
    def _level(cls, value: str) -> str:
        level = value.upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError(f"must be DEBUG, INFO, WARNING or ERROR, not {value!r}")
        return level

    @field_validator("discord_api_base", "discord_gateway_url")
    @classmethod
    def _url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://", "ws://", "wss://")):
            raise ValueError(f"must be a URL, not {value!r}")
        return value.rstrip("/") if value.startswith("http") else value

    @property
    def token(self) -> str | None:
        return self.discord_token.get_secret_value() if self.discord_token else None

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    @property
    def db_dir(self) -> Path:
        return self.data_dir / "db"


def load_settings(**overrides) -> Settings:
    """Settings from the environment; a bad value raises SettingsError naming it (never its value
    for the token)."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        error = exc.errors()[0]
        name = str(error["loc"][0]).upper() if error["loc"] else "settings"
        message = error["msg"].removeprefix("Value error, ")
        if name == "DISCORD_TOKEN":
            message = "is not valid"
        raise SettingsError(f"{name} {message} (see .env.example)") from None
