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
the query parser drops Snowball's English stop list. With it this script reproduces the reference
figures of ../shared/corpora/relevance/README.md on ADI (0.494 / 0.418) and NPL (0.453 / 0.271
against 0.448 / 0.268); on LISA it gives 0.459 / 0.345 against 0.474 / 0.359.
"""
import json
import sys
import tempfile

import xapian

# Snowball's English stop list (snowballstem.org).
STOP_WORDS = """
i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she
her hers herself it its itself they them their theirs themselves what which who whom this that
these those am is are was were be been being have has had having do does did doing would should
could ought i'm you're he's she's it's we're they're i've you've we've they've i'd you'd he'd
she'd we'd they'd i'll you'll he'll she'll we'll they'll isn't aren't wasn't weren't hasn't
haven't hadn't doesn't don't didn't won't wouldn't shan't shouldn't can't cannot couldn't
mustn't let's that's who's what's here's there's when's where's why's how's a an the and but if
or because as until while of at by for with about against between into through during before
after above below to from up down in out on off over under again further then once here there
when where why how all any both each few more most other some such no nor not only own same so
than too very
""".split()


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
