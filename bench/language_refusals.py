"""How many gold reports the language check refuses (all of them are English): prints one
aggregate line per file, never a row.

    python3 bench/language_refusals.py ../shared/dev/acled-2022/acled-2022.jsonl ...
"""

from __future__ import annotations

import json
import sys
from collections import Counter

from eventwire.errors import UnsupportedLanguageError
from eventwire.ingest.language import check_language


def main(paths: list[str]) -> None:
    for path in paths:
        n = refused = 0
        codes: Counter[str] = Counter()
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                text = (json.loads(line).get("text") or "") if line.strip() else ""
                if not text:
                    continue
                n += 1
                try:
                    check_language(text, "row")
                except UnsupportedLanguageError as exc:
                    refused += 1
                    codes[exc.reason.split("'")[1]] += 1
        print(f"{path}: {refused} of {n} refused ({1e4 * refused / max(n, 1):.1f} per 10,000)"
              f"; as {dict(codes.most_common(5))}")


if __name__ == "__main__":
    main(sys.argv[1:])
