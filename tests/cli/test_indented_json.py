"""The commands' JSON is json.dumps(indent=2) to the byte, printed without its slow path."""

from __future__ import annotations

import json
import random
import string
from typing import Any

import pytest

from diva_desk.commands.output import indented_json

ODD = '"\\/\n\r\t\x00\x1f\x7f\u2028\u202e é 日本 🎉 \ud800'


def _random_value(rng: random.Random, depth: int = 0) -> Any:
    kinds = ["str", "int", "none", "bool"] + (["dict", "list", "empty"] if depth < 4 else [])
    kind = rng.choice(kinds)
    if kind == "str":
        return "".join(rng.choice(string.printable + ODD) for _ in range(rng.randint(0, 12)))
    if kind == "int":
        return rng.randint(-(10**20), 10**20)
    if kind == "none":
        return None
    if kind == "bool":
        return rng.random() < 0.5
    if kind == "empty":
        return rng.choice([{}, []])
    if kind == "dict":
        return {ODD[: rng.randint(0, 5)] + str(n): _random_value(rng, depth + 1) for n in range(4)}
    return [_random_value(rng, depth + 1) for _ in range(rng.randint(1, 4))]


@pytest.mark.parametrize("seed", range(40))
def test_the_same_text_as_json_dumps(seed: int) -> None:
    value = _random_value(random.Random(seed))
    assert indented_json(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_what_it_does_not_know_goes_to_json_dumps_whole() -> None:
    for value in ({"amount": 1.5}, {1: "a"}, [float("inf")], ("a", ["b", {}])):
        assert indented_json(value) == json.dumps(value, ensure_ascii=False, indent=2)
