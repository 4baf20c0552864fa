"""The benchmark corpus generator is deterministic and writes its ground truth alongside."""

import json

from bench.corpus import generate_corpus


def _tree(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_seed_same_bytes_and_truth(tmp_path):
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    generate_corpus(a, 40, seed=3)
    generate_corpus(b, 40, seed=3)
    generate_corpus(c, 40, seed=4)
    assert _tree(a) == _tree(b)
    assert _tree(a) != _tree(c)
    truth = [json.loads(line) for line in (a / "truth.jsonl").read_text().splitlines()]
    assert [r["index"] for r in truth] == list(range(40))
    for record in truth:
        assert (a / "articles" / record["path"]).is_file()
        assert 300 <= record["n_words"] <= 1400
        assert record["claims"] == [] or record["relevant"]
