"""Read an ontology and labelled examples, and fit a SubtypeClassifier on this machine.

Ontology (YAML): ``types:`` a list of {name, description?, examples?, subtypes?}; a type with
``subtypes`` contributes its sub-types as labels (their parent is the type), a type without
them is itself a label. Examples and descriptions become training rows.

Labelled data: JSONL, one object a line, with ``text`` and ``label`` (or ``sub_event_type``,
optionally ``event_type``); or an ACLED-style CSV with a ``notes`` (or ``text``) column and a
``sub_event_type`` (or ``label``) column.
"""

from __future__ import annotations

import csv
import json
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import yaml

from ..errors import InputError
from .embed import get_embedder
from .lexical import Lexicon
from .model import DEFAULT_C, NONE_LABEL, SubtypeClassifier

MIN_PER_LABEL = 2


@dataclass
class Ontology:
    name: str
    labels: list[str]
    parents: dict[str, str] = field(default_factory=dict)
    examples: list[tuple[str, str]] = field(default_factory=list)  # (text, label)


def load_ontology(path: str | Path) -> Ontology:
    """Parse an ontology YAML file; raises InputError naming the file on any problem."""
    src = str(path)
    try:
        doc = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(src, f"cannot read ontology ({exc.strerror or exc})") from exc
    except yaml.YAMLError as exc:
        raise InputError(src, f"not valid YAML ({exc.__class__.__name__})") from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("types"), list) or not doc["types"]:
        raise InputError(src, "an ontology needs a non-empty 'types:' list")
    onto = Ontology(name=str(doc.get("name") or Path(path).stem), labels=[])
    for i, etype in enumerate(doc["types"]):
        if not isinstance(etype, dict) or not etype.get("name"):
            raise InputError(src, f"types[{i}] needs a 'name'")
        subs = etype.get("subtypes")
        entries = subs if subs else [etype]
        if not isinstance(entries, list):
            raise InputError(src, f"types[{i}].subtypes must be a list")
        for j, sub in enumerate(entries):
            if not isinstance(sub, dict) or not sub.get("name"):
                raise InputError(src, f"types[{i}].subtypes[{j}] needs a 'name'")
            label = str(sub["name"])
            if label in onto.labels:
                raise InputError(src, f"label {label!r} is defined twice")
            onto.labels.append(label)
            if subs:
                onto.parents[label] = str(etype["name"])
            for ex in sub.get("examples") or []:
                onto.examples.append((str(ex), label))
            if sub.get("description"):
                onto.examples.append((str(sub["description"]), label))
    return onto


def read_examples(path: str | Path) -> list[tuple[str, str, str | None]]:
    """(text, label, event_type or None) rows from a JSONL or CSV file."""
    src = str(path)
    p = Path(path)
    if not p.is_file():
        raise InputError(src, "training data file not found")
    rows: list[tuple[str, str, str | None]] = []
    try:
        if p.suffix.lower() == ".csv":
            with p.open(encoding="utf-8-sig", newline="") as fh:
                reader = csv.DictReader(fh)
                cols = set(reader.fieldnames or [])
                text_col = "notes" if "notes" in cols else "text" if "text" in cols else None
                label_col = next((c for c in ("sub_event_type", "label") if c in cols), None)
                if not text_col or not label_col:
                    raise InputError(src, "CSV needs a 'notes' (or 'text') column and a "
                                     "'sub_event_type' (or 'label') column")
                for n, rec in enumerate(reader, start=2):
                    rows.append(_row(src, n, rec.get(text_col), rec.get(label_col),
                                     rec.get("event_type")))
        else:
            with p.open(encoding="utf-8") as fh:
                for n, line in enumerate(fh, start=1):
                    if not line.strip():
                        continue
                    try:
                        rec = json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise InputError(src, f"line {n}: not JSON ({exc.msg})") from exc
                    if not isinstance(rec, dict):
                        raise InputError(src, f"line {n}: expected a JSON object")
                    label = rec.get("label", rec.get("sub_event_type"))
                    rows.append(_row(src, n, rec.get("text"), label, rec.get("event_type")))
    except UnicodeDecodeError as exc:
        raise InputError(src, "not UTF-8 text") from exc
    if not rows:
        raise InputError(src, "no training rows found")
    return rows


def _row(src: str, n: int, text: object, label: object, etype: object):
    if not isinstance(text, str) or not text.strip():
        raise InputError(src, f"line {n}: missing text")
    if not isinstance(label, str) or not label.strip():
        raise InputError(src, f"line {n}: missing label (give 'label' or 'sub_event_type')")
    return text.strip(), label.strip(), etype.strip() if isinstance(etype, str) else None


def build_training_set(
    rows: list[tuple[str, str, str | None]],
    ontology: Ontology | None,
    source: str = "data",
) -> tuple[list[str], list[str], dict[str, str]]:
    """Check labels against the ontology, add its examples; (texts, labels, parents)."""
    parents: dict[str, str] = {}
    if ontology is not None:
        allowed = set(ontology.labels) | {NONE_LABEL}
        for i, (_, label, _) in enumerate(rows):
            if label not in allowed:
                raise InputError(source, f"row {i + 1}: label {label!r} is not in ontology "
                                 f"{ontology.name!r}")
        parents.update(ontology.parents)
        rows = rows + [(t, lab, ontology.parents.get(lab)) for t, lab in ontology.examples]
    for _, label, etype in rows:
        if etype and label not in parents:
            parents[label] = etype
    counts = Counter(label for _, label, _ in rows)
    if len(counts) < 2:
        raise InputError(source, "need examples of at least two labels")
    thin = sorted(lab for lab, c in counts.items() if c < MIN_PER_LABEL)
    if thin:
        raise InputError(source, f"need at least {MIN_PER_LABEL} examples per label; "
                         f"too few for: {', '.join(thin[:5])}")
    return [t for t, _, _ in rows], [lab for _, lab, _ in rows], parents


def fit(
    texts: list[str],
    labels: list[str],
    parents: dict[str, str] | None = None,
    c: float = DEFAULT_C,
    min_df: int = 2,
    meta: dict | None = None,
    progress: Callable[[str], None] | None = None,
    vectors: np.ndarray | None = None,
) -> SubtypeClassifier:
    """Embed, vectorise and fit multinomial logistic regression. Deterministic.

    ``vectors`` may hold the texts' MiniLM vectors already (a cache); they are the same
    numbers the embedder gives, so the model is the same.
    """
    from scipy.sparse import csr_matrix, hstack
    from sklearn.linear_model import LogisticRegression

    say = progress or (lambda _msg: None)
    t0 = time.perf_counter()
    if vectors is None:
        vectors = get_embedder().embed(texts)
    # rounding makes the fit immune to last-bit differences between CPUs and thread counts
    vectors = np.round(vectors, 5)
    say(f"embedded {len(texts)} texts in {time.perf_counter() - t0:.1f}s")
    lexicon = Lexicon.fit(texts, min_df=min_df)
    x = hstack([csr_matrix(vectors.astype(np.float64)), lexicon.sparse(texts)]).tocsr()
    classes = sorted(set(labels))
    model = LogisticRegression(C=c, max_iter=3000, tol=1e-6)
    model.fit(x, np.array(labels))
    say(f"fitted {len(classes)} labels x {x.shape[1]} features "
        f"in {time.perf_counter() - t0:.1f}s")
    info = {"rows": len(texts), "C": c, "min_df": min_df,
            "label_counts": dict(sorted(Counter(labels).items()))}
    info.update(meta or {})
    coef, intercept = model.coef_, model.intercept_
    if coef.shape[0] == 1:  # two labels: sigmoid(w.x+b) == softmax([0, w.x+b])
        coef = np.vstack([np.zeros_like(coef), coef])
        intercept = np.concatenate([[0.0], intercept])
    return SubtypeClassifier(
        [str(x) for x in model.classes_], coef, intercept,
        {k: v for k, v in sorted(parents.items()) if k in classes} if parents else {},
        info, lexicon,
    )


def train_from_files(
    data: str | Path,
    ontology: str | Path | None,
    c: float = DEFAULT_C,
    progress: Callable[[str], None] | None = None,
) -> SubtypeClassifier:
    """The whole `eventwire train` path: read, check, fit."""
    onto = load_ontology(ontology) if ontology else None
    rows = read_examples(data)
    texts, labels, parents = build_training_set(rows, onto, source=str(data))
    meta = {"ontology": onto.name if onto else None, "data": Path(data).name}
    return fit(texts, labels, parents, c=c, meta=meta, progress=progress)
