"""The generated Cypher files (ingest statements, analyst twins) are checked in current,
and the command that regenerates them finds and repairs drift."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph_api import analyst
from graph_api.cli import main
from graph_api.cypher import CYPHER_DIR
from graph_api.generated_cypher import generated, stale


def test_checked_in_files_match_their_sources() -> None:
    assert stale(CYPHER_DIR) == [], (
        "generated Cypher files are stale: run `graph-api generate-cypher`"
    )


def test_check_fails_on_drift_names_the_fix_and_the_command_repairs_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "cypher"
    shutil.copytree(CYPHER_DIR, root)
    assert main(["generate-cypher", "--check", "--cypher-dir", str(root)]) == 0
    hand_edit = root / "queries" / "ingest_deal_delete.cypher"
    hand_edit.write_text(hand_edit.read_text() + "// edited by hand\n")
    (root / "queries" / "ingest_goal_resolve.cypher").unlink()
    # A query changed without its twin: the twin is stale.
    query = root / "queries" / "intel_deal_credit.cypher"
    query.write_text(query.read_text().replace("AS lines", "AS creditLines"))
    capsys.readouterr()
    assert main(["generate-cypher", "--check", "--cypher-dir", str(root)]) == 1
    err = capsys.readouterr().err
    for name in (
        "queries/ingest_deal_delete.cypher",
        "queries/ingest_goal_resolve.cypher",
        "analyst/intel_deal_credit.cypher",
    ):
        assert name in err
    assert "graph-api generate-cypher" in err
    assert main(["generate-cypher", "--cypher-dir", str(root)]) == 0
    assert main(["generate-cypher", "--check", "--cypher-dir", str(root)]) == 0
    assert hand_edit.read_text() == (CYPHER_DIR / "queries" / hand_edit.name).read_text()
    assert "AS creditLines" in (root / "analyst" / "intel_deal_credit.cypher").read_text()


def test_every_analyst_file_is_a_generated_twin_or_a_browser_variant() -> None:
    twins = {path.stem for path in generated(CYPHER_DIR) if path.parent.name == "analyst"}
    on_disk = {path.stem for path in (CYPHER_DIR / "analyst").glob("*.cypher")}
    assert {stem for stem in on_disk if not stem.endswith("_graph")} == twins


def test_a_twin_is_its_query_after_a_note_and_the_examples() -> None:
    twin = next(t for t in analyst.TWINS if t.query == "intel_deal_credit")
    text = analyst.render(twin)
    query = (CYPHER_DIR / "queries" / "intel_deal_credit.cypher").read_text().rstrip()
    note, params, statement = text.split("\n\n", 2)
    assert note.startswith("// Analyst twin of cypher/queries/intel_deal_credit.cypher")
    assert all(line.startswith("//") and len(line) <= 86 for line in note.splitlines())
    assert params == ":param dealId => 'deal-055';\n:param scope => null;"
    assert statement == query + ";\n"
