#!/usr/bin/python3
"""Xapian 1.4 BM25 peer of the relevance benchmark (run with Debian's /usr/bin/python3 and its
python3-xapian; see install-xapian.sh).

usage: xapian_bm25.py DOCS.jsonl QUERIES.tsv RUN.txt [DEPTH]

Indexes each document with Xapian's TermGenerator (English stemmer, STEM_SOME), the title with
weight 2 (wdf increment 2) in the same field as the body; searches each query with Xapian's
QueryParser (English stemmer, STEM_SOME, default operator OR, no boolean syntax) and Xapian's
default weighting, BM25Weight() with its default parameters (k1 1, k2 0, k3 1, b 0.5, min_normlen
0.5); writes the top DEPTH documents per query as a TREC run file. Query text is lower-cased so that
upper-case collections (LISA, NPL, TIME) are stemmed. Stop words: none removed at index time;
the query parser drops the English stop words of Lucene's EnglishAnalyzer (the same list the
other systems use), so every system sees the same queries.
"""
import json
import sys
import tempfile

import xapian

STOP_WORDS = ("a an and are as at be but by for if in into is it no not of on or such that the their "
              "then there these they this to was will with").split()


def main():
    docs_path, queries_path, run_path = sys.argv[1:4]
    depth = int(sys.argv[4]) if len(sys.argv) > 4 else 100
    stemmer = xapian.Stem("english")
    with tempfile.TemporaryDirectory() as folder:
        db = xapian.WritableDatabase(folder, xapian.DB_CREATE_OR_OVERWRITE)
        generator = xapian.TermGenerator()
        generator.set_stemmer(stemmer)
        generator.set_stemming_strategy(xapian.TermGenerator.STEM_SOME)
        with open(docs_path, encoding="utf-8") as docs:
            for line in docs:
                if not line.strip():
                    continue
                d = json.loads(line)
                doc = xapian.Document()
                generator.set_document(doc)
                if d.get("title"):
                    generator.index_text(d["title"], 2)
                    generator.increase_termpos()
                generator.index_text(d.get("body") or "")
                doc.set_data(d["id"])
                doc.add_boolean_term("Q" + d["id"])
                db.add_document(doc)
        db.commit()

        stopper = xapian.SimpleStopper()
        for w in STOP_WORDS:
            stopper.add(w)
        parser = xapian.QueryParser()
        parser.set_stemmer(stemmer)
        parser.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
        parser.set_stopper(stopper)
        parser.set_database(db)
        parser.set_default_op(xapian.Query.OP_OR)
        enquire = xapian.Enquire(db)
        enquire.set_weighting_scheme(xapian.BM25Weight())
        with open(queries_path, encoding="utf-8") as queries, open(run_path, "w", encoding="utf-8") as run:
            for line in queries:
                if "\t" not in line:
                    continue
                qid, text = line.rstrip("\n").split("\t", 1)
                if not text.strip():
                    continue
                enquire.set_query(parser.parse_query(text.lower(), 0))
                for rank, match in enumerate(enquire.get_mset(0, depth), start=1):
                    run.write("%s Q0 %s %d %.9g xapian\n" % (qid, match.document.get_data().decode("utf-8"), rank, match.weight))


if __name__ == "__main__":
    main()
