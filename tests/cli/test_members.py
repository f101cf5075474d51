"""`explorer members`: the members of a campaign or protocol on a day, in a table, CSV or JSON,
with the exit statuses of `explorer check`."""

from __future__ import annotations

import csv
import io

from explorer.cli.main import main
from explorer.paths import shipped_dataset
from tests.helpers.outputs import json_printed

SHIPPED = str(shipped_dataset())


def test_a_table_lists_each_member_with_its_stage_and_actions(capsys):
    assert main(["members", SHIPPED, "--of", "Blue Heart Campaign", "--as-of", "2011-01-01"]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0].split() == ["Member", "Stage", "Actions"]
    assert [line.split()[:2] for line in lines[1:]] == [["Mexico", "member"], ["Spain", "member"]]
    assert "joined April 2010" in lines[1]
    assert err.strip() == "Blue Heart Campaign as of 1 January 2011: 2 members; 0 signed"


def test_csv_and_json_carry_the_dates_as_written(capsys):
    assert main(["members", SHIPPED, "--of", "blue-heart-campaign", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["member"], r["stage"], r["since"]) for r in rows] == [
        ("MX", "member", "2010-04"), ("PT", "member", "2012-04"), ("ES", "member", "2010-06")]
    assert main(["members", SHIPPED, "--of", "blue-heart-campaign", "--as-of", "2010-04-15",
                 "--format", "json"]) == 0
    printed = json_printed(capsys.readouterr().out)
    assert printed["as_of"] == "2010-04-15"
    assert [(m["member"], m["standing"]) for m in printed["members"]] == [("MX", "possibly a member")]
    assert printed["counts"] == {"sure": {}, "possible": {"member": 1}, "signed": 0, "undated": 0}


def test_only_one_stage_when_asked(capsys):
    assert main(["members", SHIPPED, "--of", "blue-heart-campaign", "--stage", "party"]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == []


def test_an_unknown_target_or_date_is_a_usage_error(capsys):
    assert main(["members", SHIPPED, "--of", "blue heart"]) == 2
    assert "did you mean" in capsys.readouterr().err
    assert main(["members", SHIPPED, "--of", "blue-heart-campaign", "--as-of", "2011-13"]) == 2
    assert "--as-of: month 13 does not exist" in capsys.readouterr().err


def test_a_file_with_errors_is_reported_as_check_reports_it(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("timeline: 1\nevents: [{title: x, date: 2010-13}]\n", encoding="utf-8")
    assert main(["members", str(bad), "--of", "x"]) == 1
    assert "month 13 does not exist" in capsys.readouterr().out
