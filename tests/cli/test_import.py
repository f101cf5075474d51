"""`explorer import` and `explorer export-data` from the command line: what is written, the
report, and the exit statuses."""

from __future__ import annotations

import csv
import json

from explorer.cli.main import main
from explorer.model.load.loader import load_dataset
from explorer.paths import shipped_dataset
from tests.helpers.outputs import json_printed

TABLE = "When,Topic,Notes\n14 Oct 1066,Battle of Hastings,Norman conquest\n55 BC,Caesar lands,\n"


def given_table(tmp_path, text=TABLE, name="events.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_import_writes_a_file_that_check_passes_with_provenance(tmp_path, capsys):
    source = given_table(tmp_path)
    out = tmp_path / "events.yaml"
    assert main(["import", str(source), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Converted from events.csv (CSV table of events)")
    dataset = load_dataset(out)
    assert [(e.title, e.start.text) for e in dataset.events] == [
        ("Battle of Hastings", "1066-10-14"), ("Caesar lands", "-0054")]
    assert dataset.sources["imported-file"].title == "events.csv"
    assert main(["check", str(out)]) == 0
    assert "written from table of events, 2 events, 0 warnings" in capsys.readouterr().err


def test_import_never_overwrites_without_force(tmp_path, capsys):
    source, out = given_table(tmp_path), tmp_path / "events.yaml"
    out.write_text("mine", encoding="utf-8")
    assert main(["import", str(source), "-o", str(out)]) == 2
    assert "exists; give --force" in capsys.readouterr().err and out.read_text() == "mine"
    assert main(["import", str(source), "-o", str(out), "--force"]) == 0
    assert out.read_text(encoding="utf-8").startswith("# Converted")


def test_columns_name_what_the_guess_missed(tmp_path):
    source = given_table(tmp_path, "Wann,Was\n2009-03,Kampagne\n")
    out = tmp_path / "e.yaml"
    assert main(["import", str(source), "-o", str(out)]) == 1  # neither header is known
    assert not out.exists()
    assert main(["import", str(source), "-o", str(out), "--columns", "title=Was,date=Wann"]) == 0
    assert [(e.title, e.start.text) for e in load_dataset(out).events] == [("Kampagne", "2009-03")]


def test_a_source_that_cannot_be_imported_says_where_and_writes_nothing(tmp_path, capsys):
    source = tmp_path / "x.csv"
    source.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 10)
    out = tmp_path / "x.yaml"
    assert main(["import", str(source), "-o", str(out)]) == 1
    printed = capsys.readouterr()
    assert f"{source}:1:1: error: this is a PNG image" in printed.out
    assert not out.exists() and list(tmp_path.iterdir()) == [source]


def test_usage_errors(tmp_path, capsys):
    source = given_table(tmp_path)
    assert main(["import", str(source), "-o", str(tmp_path / "x.txt")]) == 2
    assert main(["import", str(source), "-o", str(tmp_path / "x.yaml"), "--columns", "title"]) == 2
    assert main(["import", str(source), "-o", str(tmp_path / "x.yaml"), "--columns", "colour=When"]) == 1
    assert "'colour' is not a role" in capsys.readouterr().out


def test_the_report_as_json(tmp_path, capsys):
    source = given_table(tmp_path)
    assert main(["import", str(source), "-o", str(tmp_path / "x.yaml"), "--json"]) == 0
    report = json_printed(capsys.readouterr().out)
    assert report["ok"] and report["kept"] == {"events": 2}
    assert "dates in 'When' written as EDTF" in report["converted"]


def test_export_data_writes_what_the_filter_keeps(tmp_path, blue_heart, capsys):
    out = tmp_path / "out.csv"
    assert main(["export-data", str(shipped_dataset()), "-o", str(out), "--tag", "campaign"]) == 0
    with out.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    kept = [e for e in blue_heart.events if "campaign" in e.tags]
    assert [r["title"] for r in rows] == [e.title for e in kept] and kept
    first = rows[0]
    assert (first["edtf"], first["first day"], first["last day"]) == ("2009-03", "2009-03-01", "2009-03-31")
    assert f"{len(kept)} events of {len(blue_heart.events)}" in capsys.readouterr().err


def test_export_data_to_timelinejs_and_format_v1(tmp_path, blue_heart):
    js, v1 = tmp_path / "out.timelinejs.json", tmp_path / "out.yaml"
    assert main(["export-data", str(shipped_dataset()), "-o", str(js), "--from", "2010", "--to", "2012"]) == 0
    slides = json.loads(js.read_text(encoding="utf-8"))["events"]
    assert slides and all(2010 <= int(s["start_date"]["year"]) <= 2012 or "end_date" in s for s in slides)
    assert main(["export-data", str(shipped_dataset()), "-o", str(v1)]) == 0
    again = load_dataset(v1)
    assert [e.id for e in again.events] == [e.id for e in blue_heart.events]
    assert len(again.memberships) == len(blue_heart.memberships)


def test_export_data_usage_errors(tmp_path, capsys):
    data = str(shipped_dataset())
    assert main(["export-data", data, "-o", str(tmp_path / "out.png")]) == 2
    assert main(["export-data", data, "-o", str(tmp_path / "o.csv"), "--actor", "undoc"]) == 2
    assert "unknown actor 'undoc'; did you mean" in capsys.readouterr().err
    assert main(["export-data", data, "-o", data]) == 2


def test_export_data_of_a_file_with_a_lone_surrogate_is_an_error_not_a_traceback(tmp_path, capsys):
    data = tmp_path / "lone.json"
    data.write_text('{"timeline": 1, "events": [{"title": "x\\ud800", "date": "2001"}]}', encoding="utf-8")
    out = tmp_path / "out.csv"
    assert main(["export-data", str(data), "-o", str(out)]) == 1
    assert "`\\ud800` is a lone surrogate" in capsys.readouterr().out
    assert not out.exists()
