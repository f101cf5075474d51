"""`explorer export` from the command line: filters, exit statuses, and no display needed."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from explorer.cli.main import main
from explorer.paths import shipped_dataset

SVG = "{http://www.w3.org/2000/svg}"
BAD = """timeline: 1
title: Broken
events:
  - id: a
    title: A
    date: 2009-13
  - id: b
    title: B
    date: 2010
    actors: [nobody]
"""


def svg_text(path) -> str:
    root = ElementTree.parse(path).getroot()
    return "\n".join("".join(e.itertext()) for e in root.iter(f"{SVG}text"))


def export(*args) -> int:
    return main(["export", str(shipped_dataset()), *map(str, args)])


def test_the_actor_filter_exports_only_that_actors_events(qapp, blue_heart, tmp_path):
    assert export("-o", tmp_path / "eu.svg", "--actor", "eu", "--actor", "europol") == 0
    text = svg_text(tmp_path / "eu.svg")
    for event in blue_heart.events:
        if not event.is_dated:
            continue
        theirs = {"eu", "europol"} & set(event.actors)
        assert (event.title in text) == bool(theirs), event.title
    assert "actors: EU or Europol" in text


def test_match_all_and_tags_narrow_the_export(qapp, tmp_path):
    assert export("-o", tmp_path / "t.svg", "--actor", "unodc", "--actor", "blue-heart-campaign",
                  "--match", "all", "--tag", "campaign") == 0
    text = svg_text(tmp_path / "t.svg")
    assert "Blue Heart Campaign launched" in text
    assert "UNODC established" not in text
    assert "Mexico joins the Blue Heart Campaign" not in text


def test_from_and_to_read_edtf_and_cover_whole_years(qapp, tmp_path, capsys):
    assert export("-o", tmp_path / "t.png", "--from", "2009", "--to", "2010", "--width", "700",
                  "--scale", "2", "--no-legend", "--no-footer", "--title", "Two years") == 0
    image = QImage(str(tmp_path / "t.png"))
    assert image.width() == 1400
    assert "t.png: PNG 1400 x" in capsys.readouterr().err


def test_a_pdf_from_the_command_line_with_page_options(qapp, tmp_path):
    assert export("-o", tmp_path / "t.pdf", "--page", "a3", "--portrait", "--pages", "2",
                  "--theme", "dark", "--group-by", "kind") == 0
    data = (tmp_path / "t.pdf").read_bytes()
    assert data.startswith(b"%PDF") and b"/Count 2" in data
    # A3 upright: 297 x 420 mm, in points.
    assert b"/MediaBox [0 0 842" in data


def test_data_errors_are_printed_exactly_like_explorer_check(qapp, tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD)
    assert main(["check", str(bad)]) == 1
    checked = capsys.readouterr()
    assert main(["export", str(bad), "-o", str(tmp_path / "bad.png")]) == 1
    exported = capsys.readouterr()
    assert "month 13" in checked.out
    assert exported.out == checked.out
    assert exported.err == checked.err
    assert not (tmp_path / "bad.png").exists()


@pytest.mark.parametrize("args, message", [
    (["--actor", "unodx"], "unknown actor 'unodx'; did you mean unodc"),
    (["--actor", "Europool"], "unknown actor 'Europool'; did you mean europol"),
    (["--actor", "zzzz"], "unknown actor 'zzzz'; no actor is called that"),
    (["--tag", "campain"], "unknown tag 'campain'; did you mean campaign"),
    (["--from", "2009-13"], "--from: month 13 does not exist"),
    (["--from", "2012", "--to", "2010"], "--to 2010 ends before --from 2012"),
])
def test_usage_errors_exit_2_and_say_what_is_wrong(qapp, tmp_path, capsys, args, message):
    assert export("-o", tmp_path / "t.png", *args) == 2
    assert message in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_a_bad_output_is_a_usage_error(qapp, tmp_path, capsys):
    assert export("-o", tmp_path / "t.gif") == 2
    assert "cannot export to '.gif'; use .png, .svg, .pdf" in capsys.readouterr().err
    assert export("-o", tmp_path / "missing" / "t.png") == 2
    assert "does not exist" in capsys.readouterr().err
    assert export("--width", "0", "-o", tmp_path / "t.png") == 2
    assert export() == 2  # no -o


def test_the_data_file_is_never_overwritten(qapp, blue_heart_copy, capsys):
    before = blue_heart_copy.read_bytes()
    assert main(["export", str(blue_heart_copy), "-o", str(blue_heart_copy)]) == 2
    assert "refusing to overwrite the data file" in capsys.readouterr().err
    assert blue_heart_copy.read_bytes() == before


def test_it_works_without_a_display(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-m", "explorer", "export", str(shipped_dataset()),
         "-o", str(tmp_path / "t.svg"), "--width", "1400"],
        capture_output=True, text=True, env=env, cwd=root, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Blue Heart Campaign launched" in svg_text(tmp_path / "t.svg")


@pytest.mark.parametrize("written", ["Spain", "spain", "ES", "es"])
def test_an_actor_may_be_named_by_name_or_id_in_any_case(qapp, tmp_path, written):
    assert export("-o", tmp_path / "t.svg", "--actor", written) == 0
    text = svg_text(tmp_path / "t.svg")
    assert "Spain joins the Blue Heart Campaign" in text and "Mexico joins" not in text


def test_a_tag_in_another_case_and_a_search_narrow_the_export(qapp, tmp_path):
    assert export("-o", tmp_path / "t.svg", "--tag", "MEMBERSHIP", "--search", "portugal") == 0
    text = svg_text(tmp_path / "t.svg")
    assert "Portugal joins the Blue Heart Campaign" in text and "Spain joins" not in text
    assert "text: “portugal”" in text


AMBIGUOUS = """timeline: 1
title: Two called Georgia
countries:
  GE: {name: Georgia}
people:
  georgia: {name: Georgia}
events:
  - {id: a, title: A, date: 2009, actors: [GE]}
  - {id: b, title: B, date: 2010, actors: [georgia]}
"""


def test_a_name_of_several_actors_is_a_usage_error_listing_their_ids(qapp, tmp_path, capsys):
    data = tmp_path / "two.yaml"
    data.write_text(AMBIGUOUS, encoding="utf-8")
    assert main(["export", str(data), "-o", str(tmp_path / "t.png"), "--actor", "georgia"]) == 0
    assert main(["export", str(data), "-o", str(tmp_path / "u.png"), "--actor", "GEORGIA"]) == 2
    err = capsys.readouterr().err
    assert "actor 'GEORGIA' is ambiguous: it names GE (Georgia), georgia (Georgia)" in err
    assert not (tmp_path / "u.png").exists()


@pytest.mark.parametrize("suffix", ["png", "svg", "pdf"])
def test_a_lone_surrogate_stops_an_export_as_it_stops_explorer_check(qapp, tmp_path, capsys, suffix):
    data = tmp_path / "lone.json"
    data.write_text('{"timeline": 1, "title": "T\\ud800", "events": [{"title": "x\\udfff", "date": "2001"}]}',
                    encoding="utf-8")
    assert main(["check", str(data)]) == 1
    checked = capsys.readouterr()
    out = tmp_path / f"lone.{suffix}"
    assert main(["export", str(data), "-o", str(out)]) == 1
    exported = capsys.readouterr()
    assert "is a lone surrogate" in checked.out
    assert (exported.out, exported.err) == (checked.out, checked.err)
    assert list(tmp_path.iterdir()) == [data]
