"""The JSON Schema of bank format v1, generated from the models."""
from __future__ import annotations

from typing import Any

from .models import Bank


def bank_schema() -> dict[str, Any]:
    schema = Bank.model_json_schema()
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    schema["description"] = "A quizapp question bank (format v1): one YAML file, one bank."
    return schema
