"""Write eventwire/events/genres.vectors.json: the MiniLM vectors of genres.yaml's examples,
so that the relevance stage's genre model loads in milliseconds instead of embedding them at
start-up. Deterministic; run it after editing genres.yaml (a stale file is ignored).

    python training/genre_vectors.py
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import yaml

from eventwire.events.relevance import GenreModel


def main() -> None:
    package = resources.files("eventwire.events")
    source = package.joinpath("genres.yaml").read_text(encoding="utf-8")
    model = GenreModel(yaml.safe_load(source))
    out = Path(str(package.joinpath("genres.vectors.json")))
    out.write_text(model.to_json(source), encoding="utf-8")
    print(f"{out}: {len(model.labels)} examples")


if __name__ == "__main__":
    main()
