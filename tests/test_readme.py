"""The README's examples work when pasted: commands name the virtual environment they
need, and every GraphQL example parses and validates against the committed schema."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from graphql import GraphQLSyntaxError, OperationDefinitionNode, build_schema, parse, validate

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text()
SCHEMA = build_schema((REPO / "schema" / "schema.graphql").read_text())
FENCE = re.compile(r"^( *)```(\w*)\n(.*?)^\1```", re.S | re.M)
# Programs installed into .venv by ./scripts/bootstrap.sh: bare, they fail outside it.
VENV_PROGRAMS = ("graph-api", "python", "python3", "pytest", "pip", "ruff", "mypy")
ACTIVATE = "source .venv/bin/activate"


def blocks(language: str) -> list[tuple[int, str]]:
    """(line number, body) of each fenced block in ``language``."""
    return [
        (README.count("\n", 0, match.start()) + 1, match.group(3))
        for match in FENCE.finditer(README)
        if match.group(2) == language
    ]


def needs_venv(command: str) -> bool:
    words = command.split()
    return bool(words) and words[0] in VENV_PROGRAMS


def test_shell_blocks_name_the_virtual_environment() -> None:
    """Every command in a bash block that needs .venv runs it as .venv/bin/PROGRAM."""
    shell = blocks("bash")
    assert shell
    bare = []
    for start, body in shell:
        for offset, line in enumerate(body.splitlines(), start=1):
            command = line.split("#", 1)[0].strip()
            # `VAR=value cmd` and `export ...; cmd` forms: look at the command itself.
            command = re.sub(r"^(\w+=\S+\s+)+", "", command)
            if needs_venv(command):
                bare.append(f"line {start + offset}: {line.strip()}")
    assert bare == [], "run these as .venv/bin/PROGRAM: " + "; ".join(bare)


def test_inline_commands_are_runnable_or_the_activation_is_documented() -> None:
    """Inline `python ...` must name .venv/bin; inline `graph-api ...` mentions rely on the
    documented activation, which must be stated before the first of them."""
    spans = re.findall(r"`([^`\n]+)`", FENCE.sub("", README))
    assert not [s for s in spans if s.split()[:1] in (["python"], ["python3"], ["pytest"])]
    mentions = [m.start() for m in re.finditer(r"`graph-api \w", README)]
    assert ACTIVATE in README, "say how to activate the virtual environment"
    assert README.index(ACTIVATE) < mentions[0]


def graphql_examples() -> list[tuple[int, str]]:
    return blocks("graphql")


@pytest.mark.parametrize(("line", "body"), graphql_examples(), ids=lambda v: str(v)[:40])
def test_graphql_examples_parse_and_validate(line: int, body: str) -> None:
    try:
        document = parse(body)
    except GraphQLSyntaxError as exc:
        pytest.fail(f"README line {line}: {exc.message}")
    errors = validate(SCHEMA, document)
    assert [e.message for e in errors] == [], f"README line {line}"
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    anonymous = [op for op in operations if op.name is None]
    # An anonymous operation must be the only one (the GraphQL spec's rule); also
    # validate() checks it, but say so plainly when a pasted example would fail.
    assert len(anonymous) <= 1 and (not anonymous or len(operations) == 1), f"README line {line}"


def test_there_are_graphql_examples() -> None:
    assert len(graphql_examples()) >= 6
