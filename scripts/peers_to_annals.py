#!/usr/bin/env python3
"""Convert a peer-benchmark gazetteer (../shared/peers: kind<TAB>canonical<TAB>aliases) to the
annals format (kind<TAB>id<TAB>name<TAB>aliases), making ids from the canonical names.

Usage: scripts/peers_to_annals.py IN.tsv > OUT.tsv
"""
import re
import sys
import unicodedata


def slug(name):
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return s or "x"


def main():
    seen = {}
    print("# converted from a peers gazetteer by scripts/peers_to_annals.py (source: ../shared/peers)")
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            kind, canonical, aliases = line.rstrip("\n").split("\t")
            base = slug(canonical)
            n = seen.get((base, kind), 0)
            seen[(base, kind)] = n + 1
            ident = f"{kind[:3]}-{base}" + (f"-{n}" if n else "")
            aliases = "|".join(a for a in aliases.split("|") if a.strip())
            print(f"{kind}\t{ident}\t{canonical}\t{aliases}")


if __name__ == "__main__":
    main()
