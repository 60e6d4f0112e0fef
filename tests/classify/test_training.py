"""Train tiny models on sentences written for these tests; check they generalise and repeat."""

import json

import pytest
from click.testing import CliRunner

from eventwire.classify import SubtypeClassifier
from eventwire.classify.training import train_from_files
from eventwire.cli import main

ONTOLOGY = """
name: tiny
types:
  - name: Weather
    description: Storms, floods and heat.
    subtypes:
      - name: Flood
        description: Rivers or rain put land under water.
        examples: ["The river burst its banks and flooded the lower town."]
      - name: Storm
        description: Strong winds and lightning.
  - name: Sport
    description: A match or a race was played and won.
"""

TRAIN = {
    "Flood": [
        "Heavy rain left the valley under a metre of water on Tuesday.",
        "Floodwaters swept through the market and submerged dozens of stalls.",
        "The lake overflowed and houses near the shore were inundated.",
        "Residents were evacuated by boat after the streets filled with water.",
        "After three days of rain the fields along the river were flooded.",
        "Water rose above the bridge and cut the road to the village.",
    ],
    "Storm": [
        "Gale-force winds tore the roofs off several houses overnight.",
        "Lightning struck a power line and a thunderstorm knocked out electricity.",
        "A hurricane battered the coast with winds of 150 kilometres an hour.",
        "The storm uprooted trees and blew down the church tower.",
        "Hail and strong gusts damaged cars in the car park.",
        "A tornado ripped through the suburb, flattening sheds and fences.",
    ],
    "Sport": [
        "The home team won the cup final 3-1 after extra time.",
        "She crossed the finish line first and took the marathon title.",
        "The striker scored twice as the club beat its rivals.",
        "The tennis champion lost the semi-final in straight sets.",
        "The relay team set a new national record at the stadium.",
        "The cyclists raced up the mountain and the favourite won the stage.",
    ],
}
HELD_OUT = [
    ("Torrential rain submerged the old quarter and residents waded through water.", "Flood"),
    ("Fierce winds and thunder battered the island, tearing down trees.", "Storm"),
    ("The visitors scored in the last minute and won the match.", "Sport"),
]


@pytest.fixture()
def files(tmp_path):
    onto = tmp_path / "tiny.yaml"
    onto.write_text(ONTOLOGY, encoding="utf-8")
    data = tmp_path / "train.jsonl"
    with data.open("w", encoding="utf-8") as fh:
        for label, texts in TRAIN.items():
            for t in texts:
                fh.write(json.dumps({"text": t, "label": label}) + "\n")
    return onto, data


def test_tiny_model_predicts_held_out_sentences(files, tmp_path):
    onto, data = files
    out = tmp_path / "m.json"
    result = CliRunner().invoke(main, ["train", "--data", str(data), "--ontology", str(onto),
                                       "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    clf = SubtypeClassifier.load(out)
    assert sorted(clf.labels) == ["Flood", "Sport", "Storm"]
    assert clf.event_type("Flood") == "Weather" and clf.event_type("Sport") is None
    probs = clf.predict_proba([t for t, _ in HELD_OUT])
    for (_, gold), p in zip(HELD_OUT, probs, strict=True):
        assert max(p, key=p.get) == gold, p
        assert abs(sum(p.values()) - 1) < 1e-4


def test_training_is_deterministic(files, tmp_path):
    onto, data = files
    a = train_from_files(data, onto).to_json()
    b = train_from_files(data, onto).to_json()
    assert a == b
    clf = SubtypeClassifier.from_json(a)
    assert clf.predict_proba([HELD_OUT[0][0]]) == clf.predict_proba([HELD_OUT[0][0]])


def test_acled_style_csv_is_accepted(tmp_path):
    csv_file = tmp_path / "rows.csv"
    lines = ["event_type,sub_event_type,notes"]
    for label, texts in TRAIN.items():
        lines += [f'Nature,{label},"{t}"' for t in texts]
    csv_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    clf = train_from_files(csv_file, None)
    assert clf.event_type("Storm") == "Nature"
    assert clf.predict([HELD_OUT[1][0]])[0][0] == "Storm"


@pytest.mark.parametrize(
    ("content", "name", "expect"),
    [
        ('{"text": "a flood"}\n', "x.jsonl", "missing label"),
        ("not json at all\n", "x.jsonl", "line 1: not JSON"),
        ('{"text": "x", "label": "Volcano"}\n{"text": "y", "label": "Flood"}\n', "x.jsonl",
         "'Volcano' is not in ontology"),
        ("a,b\n1,2\n", "x.csv", "needs a 'notes'"),
        ("", "x.jsonl", "no training rows"),
    ],
)
def test_bad_training_file_gives_one_clear_line(files, tmp_path, content, name, expect):
    onto, _ = files
    bad = tmp_path / name
    bad.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(main, ["train", "--data", str(bad), "--ontology", str(onto),
                                       "-o", str(tmp_path / "m.json")])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("eventwire: error: ")
    assert str(bad) in lines[0] and expect in lines[0]
    assert not (tmp_path / "m.json").exists()


def test_bad_ontology_and_model_files(tmp_path, files):
    _, data = files
    onto = tmp_path / "o.yaml"
    onto.write_text("types: [", encoding="utf-8")
    result = CliRunner().invoke(main, ["train", "--data", str(data), "--ontology", str(onto),
                                       "-o", str(tmp_path / "m.json")])
    assert result.exit_code == 2 and "not valid YAML" in result.output
    junk = tmp_path / "junk.json"
    junk.write_text('{"hello": 1}', encoding="utf-8")
    from eventwire.errors import ConfigError

    with pytest.raises(ConfigError, match="not an eventwire classifier model"):
        SubtypeClassifier.load(junk)
